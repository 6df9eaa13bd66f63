package de.stadtportal.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven yes/no attributes a business states about itself (voucher, Fairtrade, …). One place for
 * each attribute's URL key (search filter {@code merkmal}, topic pages, CSV import), its column in
 * {@code business}, its message key and its column in the open-data CSV. Only these fixed column names
 * ever reach the SQL.
 */
public enum BusinessAttribute {

    VOUCHER("gutschein", "accepts_voucher", "gutschein"),
    FAIRTRADE("fairtrade", "sells_fairtrade", "fairtrade"),
    WIFI("wlan", "wifi_hotspot", "wlan"),
    MARKET_STALL("wochenmarkt", "market_stall", "wochenmarkt"),
    ONLINE_SHOP("onlineshop", "online_shop", "onlineshop"),
    DELIVERY("lieferung", "delivery", "lieferung"),
    CLICK_AND_COLLECT("abholung", "click_and_collect", "click_and_collect");

    private final String key;
    private final String column;
    private final String openDataColumn;

    BusinessAttribute(String key, String column, String openDataColumn) {
        this.key = key;
        this.column = column;
        this.openDataColumn = openDataColumn;
    }

    /** In URLs ({@code ?merkmal=wlan}) and the CSV import's header. */
    public String key() {
        return key;
    }

    /** The boolean column of table {@code business}. */
    public String column() {
        return column;
    }

    /** The label, in bundle {@code directory}. */
    public String messageKey() {
        return "directory.attribute." + key;
    }

    /** The column of the open-data CSV (published; kept as it was first released). */
    public String openDataColumn() {
        return openDataColumn;
    }

    public static Optional<BusinessAttribute> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
