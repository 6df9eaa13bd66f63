package de.stadtportal.fairtrade.domain;

/** How a business sells fair: a shop and a florist count as shops, a café and a restaurant as gastronomy. */
public enum SaleKind {
    SHOP, CAFE, RESTAURANT, FLORIST;

    public boolean gastronomy() {
        return this == CAFE || this == RESTAURANT;
    }

    public String label() {
        return "fairtrade.saleKind." + name();
    }
}
