package de.stadtportal.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven yes/no attributes a business states about itself (voucher, Fairtrade, …). One place for
 * each attribute's URL key (search filter {@code merkmal}, topic pages, CSV import and export), its column in
 * {@code business}, its message key, its column in the open-data CSV and its field in the listing form. Only these fixed column names
 * ever reach the SQL.
 */
public enum BusinessAttribute {

    VOUCHER("gutschein", "accepts_voucher", "gutschein", "acceptsVoucher"),
    FAIRTRADE("fairtrade", "sells_fairtrade", "fairtrade", "sellsFairtrade"),
    WIFI("wlan", "wifi_hotspot", "wlan", "wifiHotspot"),
    MARKET_STALL("wochenmarkt", "market_stall", "wochenmarkt", "marketStall"),
    ONLINE_SHOP("onlineshop", "online_shop", "onlineshop", "onlineShop"),
    DELIVERY("lieferung", "delivery", "lieferung", "delivery"),
    CLICK_AND_COLLECT("abholung", "click_and_collect", "click_and_collect", "clickAndCollect");

    private final String key;
    private final String column;
    private final String openDataColumn;
    private final String field;

    BusinessAttribute(String key, String column, String openDataColumn, String field) {
        this.key = key;
        this.column = column;
        this.openDataColumn = openDataColumn;
        this.field = field;
    }

    /** The property of the listing form and of the open-data JSON ({@code acceptsVoucher}, …). */
    public String field() {
        return field;
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
