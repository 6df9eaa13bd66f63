package de.stadtportal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Every page kind is valid HTML by the Nu Html Checker (the checker behind validator.w3.org/nu).
 * The pages are found by crawling the links from {@code /} as a visitor and from {@code /admin}
 * and {@code /konto} as an administrator, so a new page is checked as soon as it is linked.
 * Of many pages of one shape (60 businesses, many event dates) a few are checked.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityTest {

    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]+)\"");
    /** Downloads, feeds, images, logout and language switches are no HTML pages of their own. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            ".*(\\.(ics|atom|csv|vcf|json|xml|txt|png|jpg|webp|svg|ico)$|^/api/|^/assets/|/abmelden|/bilder/\\d+$|/logo$).*");
    private static final int PAGES_PER_SHAPE = 3;
    private static final int MAX_PAGES = 400;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestAccounts accounts;
    String admin;

    @BeforeAll
    void createAdmin() {
        accounts = new TestAccounts(jdbc, encoder);
        admin = accounts.create("ADMIN", "ein langes Testpasswort 42");
    }

    @AfterAll
    void deleteAdmin() {
        accounts.deleteAll();
    }

    @Test
    void publicPagesAreValidHtml() throws Exception {
        Map<String, List<String>> errors = crawl(List.of("/", "/?lang=en", "/unternehmen?q=B%C3%A4ckerei",
                "/mitmachen", "/konto/anmelden", "/konto/registrieren", "/konto/passwort-vergessen",
                "/gibt-es-nicht"), false);
        assertThat(errors).as("Nu Html Checker errors per page").isEmpty();
    }

    @Test
    void staffAndAccountPagesAreValidHtml() throws Exception {
        Map<String, List<String>> errors = crawl(List.of("/admin", "/konto", "/konto/zweiter-faktor",
                "/konto/zweiter-faktor/code?gesendet", "/konto/zweiter-faktor/einrichten", "/admin/seitentexte",
                "/admin/seitentexte/handwerk", "/admin/seitentexte/gutschein", "/admin/seitentexte/handwerk/versionen",
                "/admin/unternehmen/themen/gutschein", "/admin/unternehmen/themen/gutschein/versionen"), true);
        assertThat(errors).as("Nu Html Checker errors per page").isEmpty();
    }

    @Test
    void theCheckerFindsWhatItShould() throws Exception {
        assertThat(validate("<!DOCTYPE html><html lang=\"de\"><head><title>x</title></head><body>"
                + "<time datetime=\"2026-02-05T00:13:37.964042+01:00[Europe/Berlin]\">5. Februar</time>"
                + "<input name=\"s\" autocomplete=\"street-address\"></body></html>")).hasSize(2);
    }

    private Map<String, List<String>> crawl(List<String> start, boolean asAdmin) throws Exception {
        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        Map<String, Integer> shapes = new HashMap<>();
        Map<String, List<String>> errors = new java.util.TreeMap<>();
        int checked = 0;
        while (!queue.isEmpty() && checked < MAX_PAGES) {
            String path = queue.removeFirst();
            MockHttpServletRequestBuilder request = get(path).header("Accept-Language", "de");
            if (asAdmin) {
                request.with(TestAccounts.staff(admin, "ADMIN"));
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String type = response.getContentType();
            if (type == null || !type.startsWith("text/html")) {
                continue;
            }
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            checked++;
            List<String> found = validate(html);
            if (!found.isEmpty()) {
                // the first three tell what is wrong; a table of 50 rows repeats the same error
                errors.put(path, found.size() <= 3 ? found
                        : List.of(found.get(0), found.get(1), found.get(2), "… " + found.size() + " errors in all"));
            }
            Matcher links = HREF.matcher(html);
            while (links.find()) {
                String link = HtmlUtils.htmlUnescape(links.group(1));
                if (!link.startsWith("/") || link.startsWith("//")) {
                    continue;
                }
                link = link.replaceFirst("#.*$", "");
                if (link.isEmpty() || NOT_A_PAGE.matcher(link).matches()
                        || asAdmin != (link.startsWith("/admin") || link.startsWith("/konto"))) {
                    continue;
                }
                if (seen.add(link) && shapes.merge(shapeOf(link), 1, Integer::sum) <= PAGES_PER_SHAPE) {
                    queue.addLast(link);
                }
            }
        }
        assertThat(checked).as("pages checked").isGreaterThan(asAdmin ? 10 : 20);
        return errors;
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

    private static List<String> validate(String html) throws Exception {
        return NuChecker.errors(html);
    }
}
