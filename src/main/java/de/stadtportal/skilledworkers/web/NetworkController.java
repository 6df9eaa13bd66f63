package de.stadtportal.skilledworkers.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import de.stadtportal.account.AccountApi;
import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.directory.DirectoryApi.Option;
import de.stadtportal.skilledworkers.domain.NetworkMembership;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network Fachkräftesicherung: a business joins or leaves from /konto for each published listing it owns
 * (staff take members off the list in {@link AdminSkilledNetworkController}).
 */
@Controller
class NetworkController {

    static final String OWN = "/konto/fachkraefte/netzwerk";

    private final NetworkMembership network;
    private final DirectoryApi directory;
    private final AccountApi accounts;
    private final MessageSource messages;

    NetworkController(NetworkMembership network, DirectoryApi directory, AccountApi accounts, MessageSource messages) {
        this.network = network;
        this.directory = directory;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping(OWN)
    String own(Principal principal, Model model) {
        return ownPage(account(principal), null, model);
    }

    /** Joining needs the consent box ticked; the consent text stored is the one the owner saw, in German. */
    @PostMapping(OWN)
    String join(@RequestParam(required = false) String businessSlug, @RequestParam(required = false) String consent,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        long account = account(principal);
        Option listing = directory.publishedListingsOwnedBy(account).stream()
                .filter(l -> l.slug().equals(businessSlug)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!"true".equals(consent)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return ownPage(account, listing.slug(), model);
        }
        network.join(account, listing.slug(), listing.name(),
                messages.getMessage("skilledworkers.network.consent", new Object[] {listing.name()}, Locale.GERMAN));
        redirect.addFlashAttribute("success", "skilledworkers.network.joined");
        return "redirect:" + OWN;
    }

    @PostMapping(OWN + "/austreten")
    String leave(@RequestParam(required = false) String businessSlug, Principal principal, RedirectAttributes redirect) {
        if (businessSlug == null || !network.leave(account(principal), businessSlug)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "skilledworkers.network.left");
        return "redirect:" + OWN;
    }

    private String ownPage(long account, String consentMissingFor, Model model) {
        List<Option> listings = directory.publishedListingsOwnedBy(account);
        model.addAttribute("listings", listings);
        model.addAttribute("joined", network.joinedBy(account));
        model.addAttribute("consentMissingFor", consentMissingFor);
        return "skilledworkers/own-network";
    }

    private long account(Principal principal) {
        return accounts.idOf(principal);
    }
}
