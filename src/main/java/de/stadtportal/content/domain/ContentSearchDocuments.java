package de.stadtportal.content.domain;

import java.util.ArrayList;
import java.util.List;

import de.stadtportal.search.PageTexts;
import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The legal and accessibility pages in the portal-wide search; their texts live in the message bundles. */
@Component
class ContentSearchDocuments implements SearchableSource {

    private final MessageSource messages;

    ContentSearchDocuments(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String kind() {
        return "page";
    }

    @Override
    public String labelKey() {
        return "content.search.kind";
    }

    @Override
    public List<SearchableDocument> documents() {
        List<SearchableDocument> documents = new ArrayList<>();
        documents.addAll(page("impressum", "platform.nav.imprint", "legal", "legal.imprint."));
        documents.addAll(page("datenschutz", "platform.nav.privacy", "legal", "legal.privacy."));
        documents.addAll(page("barrierefreiheit", "platform.nav.accessibility", "legal", "legal.accessibility."));
        documents.addAll(page("leichte-sprache", "easy.heading", "easy", "easy."));
        documents.addAll(page("barriere-melden", "content.barrier.title", "content", "content.barrier.intro"));
        return documents;
    }

    private List<SearchableDocument> page(String path, String titleKey, String bundle, String prefix) {
        return PageTexts.page(messages, kind(), path, "/" + path, titleKey, PageTexts.keys(bundle, prefix), PageTexts.changed(bundle));
    }
}
