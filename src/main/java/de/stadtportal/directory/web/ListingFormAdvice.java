package de.stadtportal.directory.web;

import java.util.List;

import de.stadtportal.directory.BusinessAttribute;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The attributes the listing form (owners' and staff's) offers as checkboxes, in their one order. */
@ControllerAdvice(assignableTypes = {OwnerListingController.class, AdminBusinessController.class})
class ListingFormAdvice {

    private static final List<BusinessAttribute> ATTRIBUTES = List.of(BusinessAttribute.values());

    @ModelAttribute("businessAttributes")
    List<BusinessAttribute> businessAttributes() {
        return ATTRIBUTES;
    }
}
