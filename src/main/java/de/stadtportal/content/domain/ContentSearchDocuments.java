package de.stadtportal.content.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.stadtportal.search.PageTexts;
import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The legal and accessibility pages in the portal-wide search: Impressum, Datenschutz and Barrierefreiheit with
 * the text visitors read (staff's text of legal_text where they changed it, else the bundle's); Leichte Sprache and
 * the barrier form from the message bundles.
 */
@Component
class ContentSearchDocuments implements SearchableSource {

    private final MessageSource messages;
    private final LegalTextService legalTexts;

    ContentSearchDocuments(MessageSource messages, LegalTextService legalTexts) {
        this.messages = messages;
        this.legalTexts = legalTexts;
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
        for (LegalPage page : LegalPage.values()) {
            documents.addAll(legal(page));
        }
        documents.addAll(page("leichte-sprache", "easy.heading", "easy", "easy."));
        documents.addAll(page("barriere-melden", "content.barrier.title", "content", "content.barrier.intro"));
        return documents;
    }

    /** A legal page in both languages, with what visitors read there (German where staff wrote no English). */
    private List<SearchableDocument> legal(LegalPage page) {
        LegalTextService.LegalContent content = legalTexts.content(page);
        List<SearchableDocument> documents = new ArrayList<>();
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            StringBuilder text = new StringBuilder();
            String prefix = page.keys().get(0).substring(0, page.keys().get(0).indexOf('.', "legal.".length()) + 1);
            for (String key : PageTexts.keys("legal", prefix)) {
                String value = content.keys().contains(key) ? content.text(key, locale) : messages.getMessage(key, null, "", locale);
                // placeholders ({0}) are filled on the page, not here
                text.append(value.replaceAll("\\{\\d+[^}]*}", " ")).append('\n');
            }
            documents.add(new SearchableDocument(kind(), page.path(), locale.getLanguage(),
                    messages.getMessage(page.titleKey(), null, page.titleKey(), locale), text.toString().strip(), "/" + page.path(),
                    PageTexts.changed("legal")));
        }
        return documents;
    }

    private List<SearchableDocument> page(String path, String titleKey, String bundle, String prefix) {
        return PageTexts.page(messages, kind(), path, "/" + path, titleKey, PageTexts.keys(bundle, prefix), PageTexts.changed(bundle));
    }
}
