package de.stadtportal.fairtrade.domain;

/** Fairtrade products a business offers; the database checks the same names. */
public enum Product {
    COFFEE, TEA, CHOCOLATE, BANANAS, FLOWERS, CLOTHING, SUGAR, JUICE, RICE, SPICES, WINE, COSMETICS;

    public String label() {
        return "fairtrade.product." + name();
    }
}
