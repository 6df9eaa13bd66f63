package de.stadtportal.directory.web;

import java.math.BigDecimal;

import de.stadtportal.directory.domain.CityBounds;
import de.stadtportal.directory.domain.Listings;
import de.stadtportal.directory.domain.Listings.ListingEdit;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;

/** The listing form, for owners and staff alike. */
record ListingForm(
        @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") String name,
        @NotBlank(message = "{directory.join.categoryMissing}") String category,
        String district,
        @Size(max = 2000, message = "{platform.validation.tooLong}") String description,
        @Size(max = 500, message = "{platform.validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") String tags,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 160, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") String street,
        @NotBlank(message = "{platform.validation.required}") @Pattern(regexp = "\\d{5}", message = "{directory.join.postalCode}") String postalCode,
        @Size(max = 40, message = "{platform.validation.tooLong}") @Pattern(regexp = "[0-9 +()/-]*", message = "{directory.edit.phoneInvalid}") String phone,
        @Email(message = "{platform.validation.email}") @Size(max = 320, message = "{platform.validation.tooLong}") String email,
        @Size(max = 300, message = "{platform.validation.tooLong}") @Pattern(regexp = "(https?://\\S+)?", message = "{directory.edit.websiteInvalid}") String website,
        // objects, not primitives: an unticked checkbox sends nothing, which means "no"
        Boolean acceptsVoucher, Boolean sellsFairtrade, Boolean wifiHotspot, Boolean marketStall,
        Boolean onlineShop, Boolean delivery, Boolean clickAndCollect,
        // the pin: plain text fields (the map only helps to fill them), read as numbers by checkCoordinates,
        // so "51,52" or "Nord" get a message next to the field instead of failing the binding; empty both = not placed
        @Size(max = 20, message = "{platform.validation.tooLong}") String latitude,
        @Size(max = 20, message = "{platform.validation.tooLong}") String longitude,
        long version) {

    static ListingForm empty() {
        return new ListingForm("", "", "", "", "", "", "", "", "", "", false, false, false, false, false, false, false,
                "", "", 0);
    }

    static ListingForm of(ListingEdit edit) {
        return new ListingForm(edit.name(), edit.category(), edit.district(), edit.description(), edit.tags(),
                edit.street(), edit.postalCode(), edit.phone(), edit.email(), edit.website(), edit.acceptsVoucher(),
                edit.sellsFairtrade(), edit.wifiHotspot(), edit.marketStall(), edit.onlineShop(), edit.delivery(),
                edit.clickAndCollect(), plain(edit.latitude()), plain(edit.longitude()), edit.version());
    }

    ListingEdit toEdit() {
        return new ListingEdit(name, category, district == null || district.isBlank() ? null : district,
                description, tags, street, postalCode, phone, email, website, yes(acceptsVoucher), yes(sellsFairtrade),
                yes(wifiHotspot), yes(marketStall), yes(onlineShop), yes(delivery), yes(clickAndCollect),
                number(latitude), number(longitude), version);
    }

    /** The same input on top of the current version: a second save is then a deliberate overwrite. */
    ListingForm withVersion(long current) {
        return new ListingForm(name, category, district, description, tags, street, postalCode, phone, email, website,
                acceptsVoucher, sellsFairtrade, wifiHotspot, marketStall, onlineShop, delivery, clickAndCollect,
                latitude, longitude, current);
    }

    /** Checks what annotations cannot: category and district must exist, the postcode must lie in the town. */
    void checkReferences(Listings listings, BindingResult result) {
        checkPostalCode(postalCode, listings, result);
        if (category != null && !category.isBlank() && !listings.categoryExists(category)) {
            result.rejectValue("category", "directory.join.categoryMissing");
        }
        if (district != null && !district.isBlank() && !listings.districtExists(district)) {
            result.rejectValue("district", "directory.edit.districtUnknown");
        }
    }

    /** Another town's postcode is refused with the town's own (configuration portal.directory.postal-codes). */
    static void checkPostalCode(String postalCode, Listings listings, BindingResult result) {
        if (!result.hasFieldErrors("postalCode") && postalCode != null && !postalCode.isBlank()) {
            Object[] town = listings.postalCodeOutsideTown(postalCode);
            if (town != null) {
                result.rejectValue("postalCode", "directory.join.postalCodeOutside", town, null);
            }
        }
    }

    /** Both coordinates or none, numbers with at most six decimals, inside the city's box (a pin in the sea is a typo). */
    void checkCoordinates(CityBounds bounds, BindingResult result) {
        if (blank(latitude) && blank(longitude)) {
            return;
        }
        check("latitude", latitude, bounds.south(), bounds.north(), result);
        check("longitude", longitude, bounds.west(), bounds.east(), result);
    }

    private static void check(String field, String text, BigDecimal min, BigDecimal max, BindingResult result) {
        if (result.hasFieldErrors(field)) {
            return;
        }
        if (blank(text)) {
            result.rejectValue(field, "directory.edit.coordinateMissing");
            return;
        }
        BigDecimal value;
        try {
            value = number(text);
        } catch (NumberFormatException e) {
            result.rejectValue(field, "directory.edit." + field + "Number");
            return;
        }
        if (value.stripTrailingZeros().scale() > 6) {
            result.rejectValue(field, "directory.edit.coordinateFormat");
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            result.rejectValue(field, "directory.edit." + field + "Outside", new Object[] {min.toPlainString(), max.toPlainString()}, null);
        }
    }

    /** "51,5236" as a German types it is the same number as "51.5236"; empty is none. */
    private static BigDecimal number(String text) {
        return blank(text) ? null : new BigDecimal(text.strip().replace(',', '.'));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static void trim(WebDataBinder binder) {
        for (String field : new String[] {"name", "street", "postalCode", "phone", "email", "website"}) {
            binder.registerCustomEditor(String.class, field, new StringTrimmerEditor(false));
        }
    }

    private static boolean yes(Boolean ticked) {
        return Boolean.TRUE.equals(ticked);
    }
}
