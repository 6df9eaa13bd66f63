package de.stadtportal.directory.web;

import java.security.Principal;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.domain.ListingService;
import de.stadtportal.directory.domain.ListingService.ListingEdit;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Owners keep their listing current. Someone else's listing is "not found", never "forbidden": ids reveal nothing. */
@Controller
class OwnerListingController {

    private final ListingService listings;
    private final DirectoryApi directory;

    OwnerListingController(ListingService listings, DirectoryApi directory) {
        this.listings = listings;
        this.directory = directory;
    }

    record EditForm(
            @NotBlank(message = "{validation.required}") @Size(max = 160, message = "{validation.tooLong}") String name,
            @NotBlank(message = "{join.categoryMissing}") String category,
            String district,
            @Size(max = 2000, message = "{validation.tooLong}") String description,
            @Size(max = 500, message = "{validation.tooLong}") String tags,
            @NotBlank(message = "{validation.required}") @Size(max = 160, message = "{validation.tooLong}") String street,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "\\d{5}", message = "{join.postalCode}") String postalCode,
            @Size(max = 40, message = "{validation.tooLong}") @Pattern(regexp = "[0-9 +()/-]*", message = "{edit.phoneInvalid}") String phone,
            @Email(message = "{validation.email}") @Size(max = 320, message = "{validation.tooLong}") String email,
            @Size(max = 300, message = "{validation.tooLong}") @Pattern(regexp = "(https?://\\S+)?", message = "{edit.websiteInvalid}") String website,
            // objects, not primitives: an unticked checkbox sends nothing, which means "no"
            Boolean acceptsVoucher, Boolean sellsFairtrade, Boolean wifiHotspot, Boolean marketStall,
            Boolean onlineShop, Boolean delivery, Boolean clickAndCollect,
            long version) {

        static EditForm of(ListingEdit edit) {
            return new EditForm(edit.name(), edit.category(), edit.district(), edit.description(), edit.tags(),
                    edit.street(), edit.postalCode(), edit.phone(), edit.email(), edit.website(), edit.acceptsVoucher(),
                    edit.sellsFairtrade(), edit.wifiHotspot(), edit.marketStall(), edit.onlineShop(), edit.delivery(),
                    edit.clickAndCollect(), edit.version());
        }

        ListingEdit toEdit() {
            return new ListingEdit(name, category, district == null || district.isBlank() ? null : district,
                    description, tags, street, postalCode, phone, email, website, yes(acceptsVoucher), yes(sellsFairtrade),
                    yes(wifiHotspot), yes(marketStall), yes(onlineShop), yes(delivery), yes(clickAndCollect), version);
        }

        private static boolean yes(Boolean ticked) {
            return Boolean.TRUE.equals(ticked);
        }
    }

    @InitBinder
    void trim(WebDataBinder binder) {
        for (String field : new String[] {"name", "street", "postalCode", "phone", "email", "website"}) {
            binder.registerCustomEditor(String.class, field, new StringTrimmerEditor(false));
        }
    }

    @GetMapping("/konto/eintraege/{id}")
    String form(@PathVariable long id, Principal principal, Model model) {
        ListingEdit edit = listings.editableBy(id, principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("form", EditForm.of(edit));
        return show(id, model);
    }

    @PostMapping("/konto/eintraege/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("form") EditForm form, BindingResult result,
                Principal principal, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ListingEdit current = listings.editableBy(id, principal.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (form.category() != null && !form.category().isBlank() && !listings.categoryExists(form.category())) {
            result.rejectValue("category", "join.categoryMissing");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id, model);
        }
        if (!listings.update(id, form.toEdit())) {
            // keep what the user typed; with the current version a second save is a deliberate overwrite
            model.addAttribute("form", new EditForm(form.name(), form.category(), form.district(), form.description(),
                    form.tags(), form.street(), form.postalCode(), form.phone(), form.email(), form.website(),
                    form.acceptsVoucher(), form.sellsFairtrade(), form.wifiHotspot(), form.marketStall(),
                    form.onlineShop(), form.delivery(), form.clickAndCollect(), current.version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(id, model);
        }
        redirect.addFlashAttribute("success", "edit.saved");
        return "redirect:/konto/eintraege";
    }

    private String show(long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("categories", directory.categories());
        model.addAttribute("districts", directory.districts());
        return "directory/edit";
    }
}
