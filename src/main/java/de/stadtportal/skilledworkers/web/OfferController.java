package de.stadtportal.skilledworkers.web;

import java.util.LinkedHashMap;
import java.util.Map;

import de.stadtportal.directory.DirectoryApi;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.StructuredData;
import de.stadtportal.skilledworkers.domain.GermanLevel;
import de.stadtportal.skilledworkers.domain.OfferService;
import de.stadtportal.skilledworkers.domain.OfferService.Offer;
import de.stadtportal.skilledworkers.domain.Plan;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** /fachkraefte/angebote: offers open to refugees, filtered by kind, trade and German level; each with JSON-LD JobPosting. */
@Controller
class OfferController {

    private final OfferService offers;
    private final DirectoryApi directory;
    private final PortalProperties portal;

    OfferController(OfferService offers, DirectoryApi directory, PortalProperties portal) {
        this.offers = offers;
        this.directory = directory;
        this.portal = portal;
    }

    @GetMapping("/fachkraefte/angebote")
    String list(@RequestParam(name = "art", required = false) Plan kind,
                @RequestParam(name = "gewerk", required = false) String trade,
                @RequestParam(name = "deutsch", required = false) GermanLevel level, Model model) {
        String chosenTrade = trade == null || trade.isBlank() || trade.length() > 120 ? null : trade.strip();
        model.addAttribute("offers", offers.search(kind, chosenTrade, level));
        model.addAttribute("trades", offers.trades());
        model.addAttribute("kinds", Plan.values());
        model.addAttribute("levels", GermanLevel.values());
        model.addAttribute("kind", kind);
        model.addAttribute("trade", chosenTrade);
        model.addAttribute("level", level);
        return "skilledworkers/offers";
    }

    @GetMapping("/fachkraefte/angebote/{id}")
    String detail(@PathVariable long id, Model model) {
        Offer offer = offers.listed(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("offer", offer);
        model.addAttribute("listingPublished", directory.idOf(offer.businessSlug()).isPresent());
        model.addAttribute("jsonLd", StructuredData.script(jobPosting(offer)));
        return "skilledworkers/offer";
    }

    private Map<String, Object> jobPosting(Offer offer) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("@type", "Organization");
        organization.put("name", offer.businessName());
        organization.put("sameAs", portal.baseUrl() + "/unternehmen/" + offer.businessSlug());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        address.put("addressLocality", "Bottrop");
        address.put("addressCountry", "DE");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "JobPosting");
        data.put("title", offer.title());
        data.put("description", offer.description());
        data.put("datePosted", offer.createdAt().toLocalDate().toString());
        data.put("validThrough", offer.expiresOn().toString());
        data.put("employmentType", switch (offer.kind()) {
            case APPRENTICESHIP -> "OTHER";
            case JOB -> "FULL_TIME";
            case INTERNSHIP -> "INTERN";
        });
        data.put("industry", offer.trade());
        data.put("hiringOrganization", organization);
        data.put("jobLocation", Map.of("@type", "Place", "address", address));
        data.put("jobStartDate", offer.startsOn().toString());
        data.put("url", portal.baseUrl() + "/fachkraefte/angebote/" + offer.id());
        return data;
    }
}
