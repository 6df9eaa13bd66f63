package de.stadtportal.search.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.stadtportal.search.QueryWords;
import de.stadtportal.search.SearchableSource;
import de.stadtportal.search.domain.SearchIndex;
import de.stadtportal.search.domain.SearchQuery;
import de.stadtportal.search.domain.Snippets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /suche?q=…&art=…&seite=…: one search over every kind of content, grouped by kind, bookmarkable. */
@Controller
class SearchController {

    static final int MAX_QUERY = 200;

    private final SearchQuery search;
    private final SearchIndex index;

    SearchController(SearchQuery search, SearchIndex index) {
        this.search = search;
        this.index = index;
    }

    /** One found document as shown: title and snippet in parts, the matching ones marked. */
    record Found(List<Snippets.Part> title, List<Snippets.Part> snippet, String url) {
    }

    /** One kind: its label, how many hits, the ones shown. */
    record Group(String kind, String labelKey, int count, List<Found> found) {
    }

    @GetMapping("/suche")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String art,
                  @RequestParam(defaultValue = "0") int seite, Locale locale, Model model) {
        String query = clean(q);
        Map<String, SearchableSource> sources = index.sourcesByKind();
        String kind = art != null && sources.containsKey(art) ? art : null;
        int page = Math.min(Math.max(seite, 0), SearchQuery.MAX_PAGES - 1);
        model.addAttribute("query", query);
        model.addAttribute("kind", kind);
        if (query.isEmpty()) {
            return "search/results";
        }
        String language = "en".equals(locale.getLanguage()) ? "en" : "de";
        SearchQuery.Result result = search.search(query, language, kind, page);
        // the German words an English query was read as are marked too ("bakery": Bäckerei)
        String translated = QueryWords.translate(query, language);
        Snippets snippets = new Snippets(translated.equals(query) ? query : query + " " + translated);
        List<Group> groups = new ArrayList<>();
        result.counts().forEach((found, count) -> {
            SearchableSource source = sources.get(found);
            if (source == null) {
                return; // documents of a source that no longer exists: not shown
            }
            List<Found> shown = result.hits().stream().filter(hit -> hit.kind().equals(found))
                    .map(hit -> new Found(snippets.mark(hit.title()), snippets.snippet(hit.body()), hit.url())).toList();
            groups.add(new Group(found, source.labelKey(), count, shown));
        });
        model.addAttribute("groups", groups);
        model.addAttribute("total", groups.stream().mapToInt(Group::count).sum());
        model.addAttribute("page", page);
        if (kind != null) {
            int count = result.counts().getOrDefault(kind, 0);
            model.addAttribute("pages", Math.max(1, (Math.min(count, SearchQuery.MAX_CANDIDATES) + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE));
        }
        return "search/results";
    }

    /** Control characters (NUL included) become spaces; a too long query is cut. */
    static String clean(String q) {
        if (q == null) {
            return "";
        }
        String text = q.replaceAll("\\p{Cc}", " ").strip();
        return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY).strip() : text;
    }
}
