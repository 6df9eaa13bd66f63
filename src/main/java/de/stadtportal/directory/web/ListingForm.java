package de.stadtportal.directory.web;

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
        @NotBlank(message = "{validation.required}") @Size(max = 160, message = "{validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{validation.singleLine}") String name,
        @NotBlank(message = "{join.categoryMissing}") String category,
        String district,
        @Size(max = 2000, message = "{validation.tooLong}") String description,
        @Size(max = 500, message = "{validation.tooLong}") @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{validation.singleLine}") String tags,
        @NotBlank(message = "{validation.required}") @Size(max = 160, message = "{validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{validation.singleLine}") String street,
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "\\d{5}", message = "{join.postalCode}") String postalCode,
        @Size(max = 40, message = "{validation.tooLong}") @Pattern(regexp = "[0-9 +()/-]*", message = "{edit.phoneInvalid}") String phone,
        @Email(message = "{validation.email}") @Size(max = 320, message = "{validation.tooLong}") String email,
        @Size(max = 300, message = "{validation.tooLong}") @Pattern(regexp = "(https?://\\S+)?", message = "{edit.websiteInvalid}") String website,
        // objects, not primitives: an unticked checkbox sends nothing, which means "no"
        Boolean acceptsVoucher, Boolean sellsFairtrade, Boolean wifiHotspot, Boolean marketStall,
        Boolean onlineShop, Boolean delivery, Boolean clickAndCollect,
        long version) {

    static ListingForm empty() {
        return new ListingForm("", "", "", "", "", "", "", "", "", "", false, false, false, false, false, false, false, 0);
    }

    static ListingForm of(ListingEdit edit) {
        return new ListingForm(edit.name(), edit.category(), edit.district(), edit.description(), edit.tags(),
                edit.street(), edit.postalCode(), edit.phone(), edit.email(), edit.website(), edit.acceptsVoucher(),
                edit.sellsFairtrade(), edit.wifiHotspot(), edit.marketStall(), edit.onlineShop(), edit.delivery(),
                edit.clickAndCollect(), edit.version());
    }

    ListingEdit toEdit() {
        return new ListingEdit(name, category, district == null || district.isBlank() ? null : district,
                description, tags, street, postalCode, phone, email, website, yes(acceptsVoucher), yes(sellsFairtrade),
                yes(wifiHotspot), yes(marketStall), yes(onlineShop), yes(delivery), yes(clickAndCollect), version);
    }

    /** The same input on top of the current version: a second save is then a deliberate overwrite. */
    ListingForm withVersion(long current) {
        return new ListingForm(name, category, district, description, tags, street, postalCode, phone, email, website,
                acceptsVoucher, sellsFairtrade, wifiHotspot, marketStall, onlineShop, delivery, clickAndCollect, current);
    }

    /** Checks what annotations cannot: category and district must exist, the postcode must lie in the town. */
    void checkReferences(Listings listings, BindingResult result) {
        checkPostalCode(postalCode, listings, result);
        if (category != null && !category.isBlank() && !listings.categoryExists(category)) {
            result.rejectValue("category", "join.categoryMissing");
        }
        if (district != null && !district.isBlank() && !listings.districtExists(district)) {
            result.rejectValue("district", "edit.districtUnknown");
        }
    }

    /** Another town's postcode is refused with the town's own (configuration portal.directory.postal-codes). */
    static void checkPostalCode(String postalCode, Listings listings, BindingResult result) {
        if (!result.hasFieldErrors("postalCode") && postalCode != null && !postalCode.isBlank()) {
            Object[] town = listings.postalCodeOutsideTown(postalCode);
            if (town != null) {
                result.rejectValue("postalCode", "join.postalCodeOutside", town, null);
            }
        }
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
