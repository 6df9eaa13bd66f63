package de.stadtportal.events.domain;

import java.util.ArrayList;
import java.util.List;

import de.stadtportal.search.PageTexts;
import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The pages /handwerk and /sprechtag in the portal-wide search (their texts come from the events bundle). */
@Component
class CraftPageSearchDocuments implements SearchableSource {

    private final MessageSource messages;

    CraftPageSearchDocuments(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String kind() {
        return "craft";
    }

    @Override
    public String labelKey() {
        return "events.search.craft";
    }

    @Override
    public List<SearchableDocument> documents() {
        var changed = PageTexts.changed("events");
        List<SearchableDocument> documents = new ArrayList<>();
        documents.addAll(PageTexts.page(messages, kind(), "handwerk", "/handwerk", "handwerk.title",
                List.of("handwerk.intro", "handwerk.goal.digital", "handwerk.goal.image", "handwerk.goal.talent",
                        "handwerk.sprechtagText", "handwerk.breakfastText", "handwerk.partner.hwk", "handwerk.partner.khs",
                        "handwerk.partner.aa", "handwerk.partner.jc", "handwerk.partner.city", "handwerk.portraits.intro"), changed));
        documents.addAll(PageTexts.page(messages, kind(), "sprechtag", "/sprechtag", "sprechtag.title",
                List.of("sprechtag.intro", "sprechtag.how", "sprechtag.topic.WEBSITE", "sprechtag.topic.ONLINESHOP",
                        "sprechtag.topic.E_RECHNUNG", "sprechtag.topic.SOCIAL_MEDIA", "sprechtag.topic.IT_SICHERHEIT",
                        "sprechtag.topic.FOERDERPROGRAMME"), changed));
        return documents;
    }
}
