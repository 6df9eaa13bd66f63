package de.stadtportal.directory;

import de.stadtportal.platform.Localized;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The business directory as other features see it: search, one published business, the businesses
 * with an attribute, who owns which listing, and what waits for staff. Implemented in {@code domain}
 * (search and SQL live there); this package depends on nothing of the module's inside, so the
 * module has no package cycle. The directory's own pages call its domain services directly.
 */
public interface DirectoryApi {

    int PAGE_SIZE = 20;

    /** Published businesses with the Fairtrade attribute ("verkauft Fairtrade-Produkte"), by name. */
    List<FairtradeListing> fairtradeSellers();

    /** The listings an account owns, whatever their status, with their Fairtrade attribute. */
    List<FairtradeListing> listingsOwnedBy(long accountId);

    /** The owner switches "verkauft Fairtrade-Produkte" of a listing. @return false when the account does not own it */
    boolean setSellsFairtrade(long businessId, long accountId, boolean sells);

    /**
     * A search looks at no more candidates than this; with more matches the page says "mehr als 1.000"
     * and pages end there. Ranking or counting every one of 10,000 "Bäckerei" names costs more than the
     * page may take, and nobody pages through them: a more precise query or a filter helps instead.
     */
    int MAX_RESULTS = 1000;

    /** Attribute filters: URL key → column, in the order of {@link BusinessAttribute}. */
    Map<String, String> ATTRIBUTES = java.util.Collections.unmodifiableMap(Arrays.stream(BusinessAttribute.values())
            .collect(LinkedHashMap::new, (map, a) -> map.put(a.key(), a.column()), Map::putAll));

    /** The version of everything a search shows; every write to the directory's tables draws a new one (V25). */
    long dataVersion();

    /** Published businesses matching the query and filters, one page, by relevance or name. */
    SearchResult search(Search search);

    /**
     * Every business of a search that has coordinates, by name, for the map; at most {@code limit}.
     * The same businesses as {@link #search(Search)} finds; page and sort are ignored.
     */
    List<MapBusiness> mapped(Search search, int limit);

    /** One published business with its hours. */
    Optional<BusinessDetail> find(String slug);

    /** The id of a published business. */
    Optional<Long> idOf(String slug);

    /** Names of the listings an account owns, whatever their status, by name: who a business account is, for staff pages. */
    List<String> listingNamesOwnedBy(long accountId);

    /** The published listings an account owns (slug and name), by name: what it may act for in other features. */
    List<Option> publishedListingsOwnedBy(long accountId);

    /** All published businesses with one attribute (URL key, e.g. "fairtrade"), by name; at most 500. */
    List<BusinessSummary> withAttribute(String attribute);

    /** Published businesses as open data, by name; no owner or account data. */
    List<OpenDataBusiness> openData(int page, int size);

    long publishedCount();

    /** What waits for staff in the directory, for the staff dashboard. */
    StaffWork staffWork();

    List<Option> categories();

    List<Option> districts();

    /**
     * @param attributes keys of {@link BusinessAttribute}; unknown ones are ignored
     * @param language   "en" reads English query words ("bakery") as the German ones; anything else: German
     */
    record Search(String query, String category, String district, List<String> attributes, boolean openNow,
                  String sort, int page, String language) {

        public Search(String query, String category, String district, List<String> attributes, boolean openNow,
                      String sort, int page) {
            this(query, category, district, attributes, openNow, sort, page, "de");
        }
    }

    /**
     * @param total  matches, at most {@link #MAX_RESULTS}
     * @param capped there are more than {@link #MAX_RESULTS} matches ("mehr als 1.000"); pages end there
     */
    record SearchResult(List<BusinessSummary> hits, long total, boolean capped, int page, int pageSize) {

        public boolean hasNext() {
            return (long) (page + 1) * pageSize < total;
        }

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** @param thumbnail the logo, else the first photo, small; null without images */
    record BusinessSummary(String slug, String name, Localized category, Localized district, String street,
                           String postalCode, String city, boolean openNow, boolean example, Thumbnail thumbnail) {
    }

    /**
     * A small image for a list of results.
     *
     * @param path          absolute path on the portal
     * @param width, height CSS pixels to show it at (the file has twice as many, for sharp screens)
     */
    record Thumbnail(String path, String altText, int width, int height) {

        /** Shown within a square of this many CSS pixels. */
        public static final int SIDE = 64;

        public static Thumbnail of(String slug, long imageId, String altText, String contentType, int width, int height) {
            double scale = Math.min(1.0, (double) SIDE / Math.max(width, height));
            return new Thumbnail("/unternehmen/" + slug + "/bilder/" + imageId + "-klein."
                    + ("image/png".equals(contentType) ? "png" : "jpg"), altText,
                    Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
        }
    }

    /** @param attributes keys of {@link BusinessAttribute} */
    /** @param category, district German and staff's English name (district null: none given) */
    record BusinessDetail(long id, String slug, String name, Localized category, Localized district, String description,
                          String street, String postalCode, String city, BigDecimal latitude,
                          BigDecimal longitude, String phone, String email, String website,
                          List<String> attributes, boolean openNow, boolean example,
                          List<OpeningHours> hours, int today) {

        public BusinessDetail withHours(List<OpeningHours> hours, int today) {
            return new BusinessDetail(id, slug, name, category, district, description, street, postalCode, city, latitude,
                    longitude, phone, email, website, attributes, openNow, example, List.copyOf(hours), today);
        }
    }

    /** @param dayOfWeek ISO: 1 = Monday */
    record OpeningHours(int dayOfWeek, LocalTime opens, LocalTime closes) {
    }

    /** One published business as published in the open data (contact data the business made public). */
    record OpenDataBusiness(String slug, String name, String category, String district, String street,
                            String postalCode, String city, BigDecimal latitude, BigDecimal longitude,
                            String phone, String email, String website, boolean acceptsVoucher,
                            boolean sellsFairtrade, boolean wifiHotspot, boolean marketStall, boolean onlineShop,
                            boolean delivery, boolean clickAndCollect, boolean example) {

        /** Whether the business states this attribute (the JSON keeps one named field each, as first released). */
        public boolean has(BusinessAttribute attribute) {
            return switch (attribute) {
                case VOUCHER -> acceptsVoucher;
                case FAIRTRADE -> sellsFairtrade;
                case WIFI -> wifiHotspot;
                case MARKET_STALL -> marketStall;
                case ONLINE_SHOP -> onlineShop;
                case DELIVERY -> delivery;
                case CLICK_AND_COLLECT -> clickAndCollect;
            };
        }
    }

    /** @param nameEn staff's English name, null where there is none (the German one is shown, marked lang="de") */
    record Option(String slug, String name, String nameEn) {

        public Option(String slug, String name) {
            this(slug, name, null);
        }

        public Localized label() {
            return Localized.of(name, nameEn);
        }
    }

    /**
     * A listing as the Fairtrade-Town feature sees it.
     *
     * @param categorySlug the directory's category (gastronomie, einzelhandel, …)
     * @param status       DRAFT, PENDING, PUBLISHED, REJECTED or ARCHIVED
     */
    public record FairtradeListing(long id, String slug, String name, String categorySlug, String category, String street,
                                   String postalCode, String city, boolean sellsFairtrade, String status,
                                   boolean example) {
    }

    /**
     * @param changed published listings their owners changed since staff last looked
     * @param stale   published listings not confirmed within the configured interval
     */
    record StaffWork(long pending, long changed, long reports, long stale) {
    }

    /** A business on the map: where it is and how it is called. */
    record MapBusiness(String slug, String name, String street, String postalCode, String city,
                       BigDecimal latitude, BigDecimal longitude) {
    }
}
