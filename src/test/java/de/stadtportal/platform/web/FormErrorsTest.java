package de.stadtportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.TestListings;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every form with errors, as the fragments in templates/fragments render it: an error summary at the top whose links
 * lead to fields that exist, and each message next to a field that names it with aria-describedby and is marked
 * aria-invalid (a group of checkboxes or radio buttons: the fieldset names the message, each box is marked).
 */
@PortalTest
class FormErrorsTest {

    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion-formfehler@test.example", "EDITOR");
    static final RequestPostProcessor ADMIN = TestAccounts.staff("admin-formfehler@test.example", "ADMIN");
    static final String SLUG = "formfehler-tischlerei";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM business WHERE slug = ?", SLUG);
    }

    @Test
    void publicFormsLinkEveryErrorToItsField() throws Exception {
        checked(post("/barriere-melden").with(from("10.0.7.1")).param("description", " ").param("contactEmail", "kein-mail"),
                "description", "contactEmail");
        checked(post("/mitmachen").with(from("10.0.7.2")).param("name", "Formfehler GmbH").param("category", "gibt-es-nicht")
                .param("street", "Hochstraße 1").param("postalCode", "4623").param("email", "formfehler@test.example"),
                "category", "postalCode");
        // radio groups and the consent box
        checked(post("/fachkraefte/anfrage").with(from("10.0.7.3")).param("company", "Formfehler GmbH"),
                "plan", "residence", "consent");
        TestListings.publishedOwnedBy(jdbc, "niemand-formfehler@test.example", SLUG, "Formfehler Tischlerei");
        checked(post("/unternehmen/{slug}/hinweis", SLUG).with(from("10.0.7.4")).param("message", " ").param("email", "kaputt"),
                "message", "email");
    }

    @Test
    void staffFormsLinkEveryErrorToItsField() throws Exception {
        // the event form: select, radio group and textareas
        checked(post("/admin/veranstaltungen/neu").with(STAFF).param("title", "").param("slug", "Kein Slug").param("category", "")
                .param("date", "2027-03-01").param("startTime", "10:00").param("repeat", "daily").param("interval", "1")
                .param("ends", "never").param("moves", "kaputt"), "title", "slug", "category", "ends");
        // the group of weekday checkboxes
        checked(post("/admin/veranstaltungen/neu").with(STAFF).param("title", "Formfehler").param("slug", "formfehler")
                .param("category", "").param("date", "2027-03-01").param("startTime", "10:00").param("repeat", "weekly")
                .param("interval", "1").param("weekdays", "XX").param("ends", "never"), "weekdays");
        checked(post("/admin/unternehmen/neu").with(STAFF).param("name", "Formfehler").param("category", "")
                .param("street", "Hochstraße 1").param("postalCode", "46236").param("version", "0")
                .param("latitude", "Nord").param("longitude", "6.93").param("description", "x".repeat(2001)),
                "category", "latitude", "description");
        checked(post("/admin/konten/einladen").with(ADMIN).param("email", "keine-adresse").param("role", "EDITOR"), "email");
        checked(post("/admin/handwerk/portraets/neu").with(STAFF).param("name", "").param("text", " "), "name", "text");
        checked(post("/admin/unternehmen/themen/gutschein").with(STAFF).param("german", " ").param("english", "x").param("version", "0"),
                "german");
        checked(post("/admin/sprechtag/termine").with(STAFF).param("dayId", "x").param("expertId", "999999999")
                .param("from", "11:00").param("to", "10:00"), "dayId", "expertId", "to");
        // opening hours carry ids of their own (day1-opens1), which the summary follows
        long id = TestListings.publishedOwnedBy(jdbc, "niemand-formfehler@test.example", SLUG, "Formfehler Tischlerei");
        MockHttpServletRequestBuilder hours = post("/admin/unternehmen/{id}/oeffnungszeiten", id).with(STAFF);
        for (int day = 0; day < 7; day++) {
            hours.param("days[" + day + "].opens1", day == 0 ? "25:00" : "").param("days[" + day + "].closes1", day == 0 ? "18:00" : "")
                    .param("days[" + day + "].opens2", "").param("days[" + day + "].closes2", "");
        }
        checked(hours, "day1-opens1");
    }

    /**
     * Sends the form, expects a 4xx page and checks its error markup.
     *
     * @param expected ids of fields (or groups) the summary must link to
     */
    private void checked(MockHttpServletRequestBuilder request, String... expected) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(html).isBetween(400, 499);
        Document page = new HtmlDocumentBuilder().parse(new InputSource(new StringReader(html)));
        Element summary = only(elements(page, "div").stream().filter(e -> hasClass(e, "error-summary")).toList());
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(elements(summary, "h2")).hasSize(1);
        List<String> targets = elements(summary, "a").stream().map(a -> a.getAttribute("href")).peek(href ->
                assertThat(href).startsWith("#")).map(href -> href.substring(1)).toList();
        assertThat(targets).as(html).contains(expected);
        for (String target : targets) {
            assertThat(page.getElementById(target)).as("the summary links to #" + target).isNotNull();
        }
        List<Element> messages = elements(page, "p").stream().filter(p -> hasClass(p, "field-error")).toList();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(expected.length);
        assertThat(targets).hasSizeGreaterThanOrEqualTo(messages.size());
        for (Element message : messages) {
            String messageId = message.getAttribute("id");
            assertThat(messageId).isNotEmpty();
            List<Element> described = new ArrayList<>();
            for (String tag : List.of("input", "select", "textarea", "fieldset")) {
                elements(page, tag).stream().filter(e -> tokens(e.getAttribute("aria-describedby")).contains(messageId))
                        .forEach(described::add);
            }
            assertThat(described).as("a field names #" + messageId).hasSize(1);
            Element field = described.get(0);
            List<Element> controls = field.getTagName().equals("fieldset") 
                    ? elements(field, "input").stream().filter(input -> !input.getAttribute("type").equals("hidden")).toList()
                    : List.of(field);
            assertThat(controls).isNotEmpty()
                    .allSatisfy(control -> assertThat(control.getAttribute("aria-invalid")).as(messageId + " " + control.getAttribute("id")).isEqualTo("true"));
        }
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static Set<String> tokens(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static boolean hasClass(Element element, String name) {
        return tokens(element.getAttribute("class")).contains(name);
    }

    private static Element only(List<Element> elements) {
        assertThat(elements).hasSize(1);
        return elements.get(0);
    }

    private static List<Element> elements(Node root, String tag) {
        NodeList list = root instanceof Document d ? d.getElementsByTagName(tag) : ((Element) root).getElementsByTagName(tag);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }
}
