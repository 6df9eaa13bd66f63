package de.stadtportal.fairtrade.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.stadtportal.account.AccountApi;
import de.stadtportal.fairtrade.domain.Product;
import de.stadtportal.fairtrade.domain.SaleKind;
import de.stadtportal.fairtrade.domain.ShopService;
import de.stadtportal.fairtrade.domain.ShopService.OwnListing;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A business owner says that its listing sells Fairtrade products (the directory's attribute) and
 * which ones. Someone else's listing is "not found": ids reveal nothing.
 */
@Controller
class OwnerFairtradeController {

    private final ShopService shops;
    private final AccountApi accounts;

    OwnerFairtradeController(ShopService shops, AccountApi accounts) {
        this.shops = shops;
        this.accounts = accounts;
    }

    /** At least two fair products count (criterion 3); the lists are bounded by the enums' sizes. */
    record OfferForm(Boolean sells,
                     @Size(max = 12, message = "{fairtrade.form.tooMany}") List<Product> products,
                     @Size(max = 4, message = "{fairtrade.form.tooMany}") List<SaleKind> kinds,
                     Long version) {

        static OfferForm of(OwnListing own) {
            return new OfferForm(own.listing().sellsFairtrade(), List.copyOf(own.offer().products()),
                    List.copyOf(own.offer().kinds()), own.offer().version());
        }

        Set<Product> productSet() {
            return products == null || products.isEmpty() ? EnumSet.noneOf(Product.class) : EnumSet.copyOf(products);
        }

        Set<SaleKind> kindSet() {
            return kinds == null || kinds.isEmpty() ? EnumSet.noneOf(SaleKind.class) : EnumSet.copyOf(kinds);
        }
    }

    @GetMapping("/konto/fairtrade")
    String list(Principal principal, Model model) {
        model.addAttribute("listings", shops.ownedBy(accountId(principal)));
        return "fairtrade/own";
    }

    @GetMapping("/konto/fairtrade/{id}")
    String form(@PathVariable long id, Principal principal, Model model) {
        model.addAttribute("form", OfferForm.of(owned(id, principal)));
        return show(id, principal, model);
    }

    @PostMapping("/konto/fairtrade/{id}")
    String save(@PathVariable long id, @jakarta.validation.Valid @ModelAttribute("form") OfferForm form, BindingResult result,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        OwnListing own = owned(id, principal);
        if (result.getTarget() != null && Boolean.TRUE.equals(form.sells()) && !result.hasFieldErrors("products") && form.productSet().size() < 2) {
            result.rejectValue("products", "fairtrade.form.twoProducts");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id, principal, model);
        }
        boolean saved = shops.saveByOwner(accountId(principal), id, Boolean.TRUE.equals(form.sells()), form.productSet(),
                form.kindSet(), form.version() == null ? 0 : form.version()).orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!saved) {
            model.addAttribute("form", new OfferForm(form.sells(), form.products(), form.kinds(), own.offer().version()));
            model.addAttribute("conflict", true);
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(id, principal, model);
        }
        redirect.addFlashAttribute("success", "fairtrade.own.saved");
        return "redirect:/konto/fairtrade/" + id;
    }

    private String show(long id, Principal principal, Model model) {
        model.addAttribute("own", owned(id, principal));
        model.addAttribute("productChoices", Choice.of(Product.values(), Product::label));
        model.addAttribute("kindChoices", Choice.of(SaleKind.values(), SaleKind::label));
        return "fairtrade/own-edit";
    }

    private OwnListing owned(long id, Principal principal) {
        return shops.ownedBy(accountId(principal)).stream().filter(o -> o.listing().id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private long accountId(Principal principal) {
        return accounts.idOf(principal);
    }
}
