package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.TestListings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * No page shows a message key instead of its text. Thymeleaf renders a key missing from the bundles as
 * {@code ??key_de??}; a key typed outside an expression stays {@code #{key}}. The pages are found by crawling
 * the links, in German and under {@code /en}, as a visitor, as a business owning a listing ({@code /konto})
 * and as an administrator ({@code /admin}); every form with a field to type into found on the way is sent back
 * empty, so the pages that show validation messages are read as well. A key the Java code asks for and the
 * bundles lack fails as the 500 it causes.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagesResolvedTest {

    static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^\\s?<>\"]+_[a-z]{2}(?:_[A-Z]{2})?\\?\\?|#\\{");
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]+)\"");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("<(input|textarea|select)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            ".*(\\.(ics|atom|csv|vcf|json|xml|txt|png|jpg|webp|svg|ico)$|/api/|^/assets/|/abmelden$|/bilder/\\d+$|/logo$|/anhang$).*");
    /**
     * Forms that end the session or delete, whatever they carry, and the forms whose fields may all be empty
     * (an expert's e-mail address, a demo business's opening hours): sent empty, they would change demo data
     * that other tests read.
     */
    private static final Pattern NOT_SENT = Pattern.compile(".*/(abmelden|loeschen|entfernen|austreten|deaktivieren|zuruecksetzen)$"
            + "|^(/en)?/admin/sprechtag/experten/\\d+$|^(/en)?/admin/unternehmen/\\d+/oeffnungszeiten$");
    private static final int PAGES_PER_SHAPE = 8;
    private static final int MAX_PAGES = 700;
    private static final String PASSWORD = "ein langes Testpasswort 42";
    private static final String SLUG = "schluessel-test-betrieb";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String admin;
    String owner;

    @BeforeAll
    void createAccounts() {
        accounts = new TestAccounts(jdbc, encoder);
        admin = accounts.create("ADMIN", PASSWORD);
        owner = accounts.create("BUSINESS", PASSWORD);
        TestListings.publishedOwnedBy(jdbc, owner, SLUG, "Schlüssel-Testbetrieb");
    }

    @AfterAll
    void deleteAccounts() {
        jdbc.update("DELETE FROM business WHERE slug = ?", SLUG);
        accounts.deleteAll();
    }

    @Test
    void publicPagesShowNoMessageKey() throws Exception {
        List<String> start = List.of("/", "/konto/anmelden", "/konto/registrieren", "/konto/passwort-vergessen",
                "/konto/passwort-neu?token=gibt-es-nicht", "/konto/einladung?token=gibt-es-nicht",
                "/konto/bestaetigen?token=gibt-es-nicht", "/konto/email-bestaetigen?token=gibt-es-nicht",
                "/konto/registriert", "/veranstaltungen/abmelden?token=gibt-es-nicht",
                "/fachkraefte/anfrage/status/gibt-es-nicht", "/unternehmen?q=B%C3%A4ckerei", "/unternehmen?seite=x",
                "/suche?q=Bottrop", "/gibt-es-nicht");
        Map<String, List<String>> found = new TreeMap<>();
        Crawl german = crawl(start, null, found);
        Crawl english = crawl(start.stream().map(p -> "/en" + p).toList(), null, found);
        assertThat(found).as("message keys instead of texts, per page").isEmpty();
        assertThat(german.pages).as("German public pages read").isGreaterThan(60);
        assertThat(english.pages).as("English public pages read").isGreaterThan(60);
        assertThat(german.forms + english.forms).as("public forms sent back empty").isGreaterThan(10);
    }

    @Test
    void staffPagesShowNoMessageKey() throws Exception {
        RequestPostProcessor staff = TestAccounts.staff(admin, "ADMIN");
        Map<String, List<String>> found = new TreeMap<>();
        Crawl german = crawl(List.of("/admin"), staff, found);
        Crawl english = crawl(List.of("/en/admin"), staff, found);
        assertThat(found).as("message keys instead of texts, per page").isEmpty();
        assertThat(german.pages).as("German staff pages read").isGreaterThan(40);
        assertThat(english.pages).as("English staff pages read").isGreaterThan(40);
        assertThat(german.forms + english.forms).as("staff forms sent back empty").isGreaterThan(60);
    }

    @Test
    void ownerPagesShowNoMessageKey() throws Exception {
        RequestPostProcessor business = user(owner).roles("BUSINESS");
        Map<String, List<String>> found = new TreeMap<>();
        Crawl german = crawl(List.of("/konto"), business, found);
        Crawl english = crawl(List.of("/en/konto"), business, found);
        assertThat(found).as("message keys instead of texts, per page").isEmpty();
        assertThat(german.pages).as("German owner pages read").isGreaterThan(8);
        assertThat(english.pages).as("English owner pages read").isGreaterThan(8);
        assertThat(german.forms + english.forms).as("owner forms sent back empty").isGreaterThan(8);
    }

    @Test
    void theCheckFindsWhatItShould() {
        assertThat(UNRESOLVED.matcher("<p>??directory.title_de??</p>").find()).isTrue();
        assertThat(UNRESOLVED.matcher("<p>??nav.home_en??</p>").find()).isTrue();
        assertThat(UNRESOLVED.matcher("<p>??x.y_de_DE??</p>").find()).isTrue();
        assertThat(UNRESOLVED.matcher("<p th:text=\"x\">#{nav.home}</p>").find()).isTrue();
        assertThat(UNRESOLVED.matcher("<p>Wann? Wo?? Hier.</p>").find()).isFalse();
    }

    record Crawl(int pages, int forms) {
    }

    /** Reads the pages reachable from {@code start} within the area ({@code /admin}, {@code /konto} or public) and sends back their forms. */
    private Crawl crawl(List<String> start, RequestPostProcessor who, Map<String, List<String>> found) throws Exception {
        String area = start.get(0).replaceFirst("^/en", "").startsWith("/admin") ? "/admin"
                : start.get(0).replaceFirst("^/en", "").startsWith("/konto") && who != null ? "/konto" : "";
        boolean english = start.get(0).startsWith("/en");
        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        Map<String, Integer> shapes = new HashMap<>();
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        Set<String> formShapes = new HashSet<>();
        int pages = 0;
        while (!queue.isEmpty() && pages < MAX_PAGES) {
            String path = queue.removeFirst();
            MockHttpServletRequestBuilder request = get(path);
            if (who != null) {
                request.with(who);
            }
            MvcResult result = mvc.perform(request).andReturn();
            failed("GET " + path, result, found);
            String html = htmlOf(result.getResponse());
            if (html == null) {
                continue;
            }
            pages++;
            check("GET " + path, html, found);
            collectForms(html, formShapes, forms);
            Matcher links = HREF.matcher(html);
            while (links.find()) {
                String link = HtmlUtils.htmlUnescape(links.group(1)).replaceFirst("#.*$", "");
                if (!link.startsWith("/") || link.startsWith("//") || NOT_A_PAGE.matcher(link).matches()
                        || english != (link.equals("/en") || link.startsWith("/en/") || link.startsWith("/en?"))) {
                    continue;
                }
                String bare = link.replaceFirst("^/en(?=/|$|\\?)", "");
                boolean inArea = area.isEmpty() ? !bare.startsWith("/admin") && !(bare.startsWith("/konto") && who != null)
                        : bare.startsWith(area);
                if (inArea && seen.add(link) && shapes.merge(shapeOf(bare.substring(area.length())), 1, Integer::sum) <= PAGES_PER_SHAPE) {
                    queue.addLast(link);
                }
            }
        }
        int sent = 0;
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            MockHttpServletRequestBuilder request = post(form.getKey()).with(csrf());
            form.getValue().forEach(request::param);
            if (who != null) {
                request.with(who);
            }
            MvcResult result = mvc.perform(request).andReturn();
            failed("POST " + form.getKey(), result, found);
            String html = htmlOf(result.getResponse());
            sent++;
            if (html != null) {
                check("POST " + form.getKey(), html, found);
            }
        }
        return new Crawl(pages, sent);
    }

    /** Fields a person types into; a form with one is sent back with all of them empty. */
    private static final Set<String> TYPED = Set.of("text", "email", "password", "url", "tel", "number", "date", "time",
            "datetime-local", "search", "textarea");

    /** The POST forms with a field to type into, each shape of address once: hidden fields as given, every other field empty. */
    private static void collectForms(String html, Set<String> formShapes, Map<String, Map<String, String>> forms) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String attributes = form.group(1);
            String action = HtmlUtils.htmlUnescape(attribute(attributes, "action", ""));
            if (!"post".equalsIgnoreCase(attribute(attributes, "method", "get")) || !action.startsWith("/")
                    || NOT_SENT.matcher(action.replaceFirst("\\?.*$", "")).matches()) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            boolean typed = false;
            Matcher field = FIELD.matcher(form.group(2));
            while (field.find()) {
                String name = attribute(field.group(2), "name", null);
                if (name == null || name.equals("_csrf")) {
                    continue;
                }
                boolean hidden = field.group(1).equals("input") && "hidden".equals(attribute(field.group(2), "type", "text"));
                String type = field.group(1).equals("textarea") ? "textarea" : attribute(field.group(2), "type", "text");
                typed |= !field.group(1).equals("select") && TYPED.contains(type);
                params.putIfAbsent(HtmlUtils.htmlUnescape(name),
                        hidden ? HtmlUtils.htmlUnescape(attribute(field.group(2), "value", "")) : "");
            }
            if (typed && formShapes.add(formShapeOf(action))) {
                forms.put(action, params);
            }
        }
    }

    /** A key the Java code asks for and the bundles lack ends in a NoSuchMessageException, a 500. */
    private static void failed(String what, MvcResult result, Map<String, List<String>> found) {
        if (result.getResponse().getStatus() >= 500 || result.getResolvedException() instanceof NoSuchMessageException) {
            found.computeIfAbsent(what, k -> new ArrayList<>()).add(result.getResponse().getStatus() + " "
                    + (result.getResolvedException() == null ? "" : result.getResolvedException().toString()));
        }
    }

    private static String attribute(String attributes, String name, String otherwise) {
        Matcher value = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1) : otherwise;
    }

    private static String htmlOf(MockHttpServletResponse response) throws Exception {
        String type = response.getContentType();
        return type != null && type.startsWith("text/html") ? response.getContentAsString(StandardCharsets.UTF_8) : null;
    }

    private static void check(String what, String html, Map<String, List<String>> found) {
        List<String> keys = new ArrayList<>();
        Matcher unresolved = UNRESOLVED.matcher(html);
        while (unresolved.find()) {
            int end = Math.min(html.length(), unresolved.end() + (unresolved.group().equals("#{") ? 40 : 0));
            keys.add(html.substring(unresolved.start(), end));
        }
        if (!keys.isEmpty()) {
            found.computeIfAbsent(what, k -> new ArrayList<>()).addAll(keys);
        }
    }

    /** "/unternehmen/baeckerei-kamphues/hinweis" and "/unternehmen/cafe-x/hinweis" are one form; "/en" is part of the shape. */
    private static String formShapeOf(String action) {
        String[] segments = action.replaceFirst("\\?.*$", "").split("/");
        for (int i = 2; i < segments.length; i++) {
            if (segments[i].matches(".*\\d.*") || i < segments.length - 1 && segments[i].contains("-") && !segments[i].equals("zweiter-faktor")) {
                segments[i] = "*";
            }
        }
        return String.join("/", segments);
    }

    /** "/unternehmen/baeckerei-kamphues" and "/unternehmen/cafe-x" share a shape; so do query variants. */
    private static String shapeOf(String link) {
        String path = link.replaceFirst("\\?.*$", "");
        String query = link.contains("?") ? link.replaceFirst("^[^?]*\\?", "").replaceAll("=[^&]*", "=") : "";
        String[] segments = path.split("/");
        if (segments.length > 2) {
            segments[segments.length - 1] = "*";
        }
        return String.join("/", segments).replaceAll("/\\d+(/|$)", "/#$1") + "?" + query;
    }
}
