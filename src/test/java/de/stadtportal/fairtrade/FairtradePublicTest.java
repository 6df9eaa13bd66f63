package de.stadtportal.fairtrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.fairtrade.domain.Criteria.ShopCount;
import de.stadtportal.fairtrade.domain.ExpiryReminder;
import de.stadtportal.fairtrade.domain.ShopService;
import de.stadtportal.platform.PlatformConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Citizens, applicants and business owners: the board, where to buy fair, joining and the owner's offer. */
@PortalTest
class FairtradePublicTest {

    static final String STAFF = "redaktion-fairtrade-public@test.example";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ShopService shops;

    @Autowired
    ExpiryReminder reminder;

    TestAccounts accounts;
    String tag;
    String slug;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        tag = UUID.randomUUID().toString().substring(0, 8);
        slug = "test-fair-" + tag;
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM fairtrade_business WHERE business_id IN (SELECT id FROM business WHERE slug LIKE ?)", slug + "%");
        jdbc.update("DELETE FROM business WHERE slug LIKE ?", slug + "%");
        jdbc.update("DELETE FROM fairtrade_join_request WHERE organisation LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM fairtrade_member WHERE name LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM outbox_mail WHERE recipient LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM fairtrade_term WHERE awarded_on > '2090-01-01'");
        jdbc.update("DELETE FROM audit_entry WHERE actor = ?", STAFF);
        accounts.deleteAll();
    }

    private long business(String suffix, String category, boolean sellsFairtrade) {
        return jdbc.queryForObject("INSERT INTO business (slug, name, category_id, street, postal_code, status, sells_fairtrade, "
                + "last_confirmed_at) VALUES (?, ?, (SELECT id FROM category WHERE slug = ?), 'Hochstraße 2', '46236', "
                + "'PUBLISHED', ?, now()) RETURNING id", Long.class, slug + suffix, "Fairladen " + tag + suffix, category,
                sellsFairtrade);
    }

    @Test
    void theBoardShowsTheTitleTheFiveCriteriaWithBarsAndTextAndTheNetwork() throws Exception {
        mvc.perform(get("/fairtrade")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Fairtrade-Town Bottrop"), containsString("Ausgezeichnet am 26.11.2021."),
                containsString("Die fünf Kriterien im Jahr " + LocalDate.now(PlatformConfiguration.CITY_ZONE).getYear()),
                containsString("Ratsbeschluss"), containsString("Steuerungsgruppe"), containsString("Zivilgesellschaft"),
                containsString("<svg class=\"progress\""), containsString("role=\"img\""),
                containsString("von 12 Geschäften"), containsString("117.000"), containsString("Termine des Netzwerks"),
                containsString("href=\"/fairtrade/einkaufen\""), containsString("href=\"/fairtrade/mitmachen\""))));
        mvc.perform(get("/fairtrade").param("lang", "en")).andExpect(content().string(allOf(
                containsString("The five criteria in"), containsString("of 12 shops"), containsString("Fairtrade Town"))));
        // linked from the main navigation and from the Reallabor
        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/fairtrade\"")));
        mvc.perform(get("/reallabore/hybride-formen-des-handels")).andExpect(content().string(containsString("href=\"/fairtrade\"")));
    }

    @Test
    void aBusinessCountsOnceAndOnlyWhileConfirmedAndSellingFair() throws Exception {
        ShopCount before = shops.count();
        long shop = business("-laden", "einzelhandel", true);
        long cafe = business("-cafe", "gastronomie", true);
        assertThat(shops.count()).as("not confirmed yet").isEqualTo(before);

        for (long id : new long[] {shop, cafe}) {
            mvc.perform(post("/admin/fairtrade/geschaefte/" + id + "/bestaetigen").with(csrf()).with(TestAccounts.staff(STAFF, "EDITOR")))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(shops.count()).isEqualTo(new ShopCount(before.shops() + 1, before.gastronomy() + 1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Fairtrade-Geschäft' AND actor = ?",
                Long.class, STAFF)).isEqualTo(2);

        // the café also sells in a shop: still one business, now a shop
        jdbc.update("UPDATE fairtrade_business SET sale_kinds = '{SHOP,CAFE}' WHERE business_id = ?", cafe);
        assertThat(shops.count()).isEqualTo(new ShopCount(before.shops() + 2, before.gastronomy()));

        // the shop stops selling fair (directory attribute off): it no longer counts, nor shows
        jdbc.update("UPDATE business SET sells_fairtrade = FALSE WHERE id = ?", shop);
        assertThat(shops.count()).isEqualTo(new ShopCount(before.shops() + 1, before.gastronomy()));
        mvc.perform(get("/fairtrade/einkaufen")).andExpect(content().string(allOf(
                not(containsString("Fairladen " + tag + "-laden")), containsString("Fairladen " + tag + "-cafe"))));
        // a business that is no seller cannot be confirmed
        mvc.perform(post("/admin/fairtrade/geschaefte/" + shop + "/bestaetigen").with(csrf()).with(TestAccounts.staff(STAFF, "EDITOR")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOwnerTicksFairtradeAndPicksProductsThenStaffConfirmAndShoppingFiltersThem() throws Exception {
        String owner = accounts.create("BUSINESS", "ein langes Test-Passwort 42");
        long id = business("", "einzelhandel", false);
        jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", id, owner);
        long other = business("-fremd", "einzelhandel", true);

        mvc.perform(get("/konto/fairtrade").with(user(owner).roles("BUSINESS"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Fairladen " + tag), not(containsString(tag + "-fremd")))));
        mvc.perform(get("/konto/fairtrade/" + other).with(user(owner).roles("BUSINESS"))).andExpect(status().isNotFound());
        mvc.perform(post("/konto/fairtrade/" + other).with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("sells", "true").param("products", "COFFEE", "TEA").param("version", "0")).andExpect(status().isNotFound());

        // one product is not enough; an unknown product is refused; the ticks stay
        mvc.perform(post("/konto/fairtrade/" + id).with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("sells", "true").param("products", "COFFEE").param("version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"products-error\""), containsString("mindestens zwei Fairtrade-Produkte"),
                        containsString("value=\"COFFEE\" id=\"products1\" name=\"products\" checked=\"checked\""))));
        mvc.perform(post("/konto/fairtrade/" + id).with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("sells", "true").param("products", "COFFEE", "GOLD").param("version", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"products-error\"")));

        mvc.perform(post("/konto/fairtrade/" + id).with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("sells", "true").param("products", "COFFEE", "BANANAS").param("kinds", "SHOP").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT sells_fairtrade FROM business WHERE id = ?", Boolean.class, id)).isTrue();
        // a stale form
        mvc.perform(post("/konto/fairtrade/" + id).with(csrf()).with(user(owner).roles("BUSINESS"))
                .param("sells", "true").param("products", "COFFEE", "TEA").param("version", "0"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("value=\"TEA\" id=\"products2\" name=\"products\" checked=\"checked\"")));

        mvc.perform(get("/fairtrade/einkaufen").param("produkt", "BANANAS")).andExpect(content().string(allOf(
                containsString("Fairladen " + tag), containsString("Bananen"), not(containsString("Blumen Wiesmann")))));
        mvc.perform(get("/fairtrade/einkaufen").param("produkt", "FLOWERS")).andExpect(content().string(
                not(containsString("Fairladen " + tag + "<"))));
        mvc.perform(get("/fairtrade/einkaufen").param("art", "CAFE").param("produkt", "unsinn")).andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("Fairladen " + tag + "</a>")),
                        containsString("href=\"/unternehmen/karte?merkmal=fairtrade\""))));
        mvc.perform(get("/konto/fairtrade").with(user(owner).roles("BUSINESS")))
                .andExpect(content().string(containsString("Wartet auf die Bestätigung der Stadt.")));
        mvc.perform(post("/admin/fairtrade/geschaefte/" + id + "/bestaetigen").with(csrf()).with(TestAccounts.staff(STAFF, "EDITOR")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/konto/fairtrade").with(user(owner).roles("BUSINESS")))
                .andExpect(content().string(containsString("Zählt für den Titel")));
    }

    @Test
    void anOrganisationAppliesStaffAcceptOrRejectAndTheApplicantGetsAMailAndTheAddressIsGone() throws Exception {
        String email = "kontakt-" + tag + "@verein.example";
        mvc.perform(post("/fairtrade/mitmachen").with(csrf()).param("organisation", "Kleingartenverein " + tag)
                .param("kind", "CLUB").param("email", "kein-mail").param("website", "<script>").param("message", "Hallo"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("id=\"email-error\""), containsString("id=\"website-error\""),
                        containsString("Kleingartenverein " + tag), containsString("&lt;script&gt;"))));
        mvc.perform(post("/fairtrade/mitmachen").with(csrf()).param("organisation", "Kleingartenverein " + tag)
                .param("kind", "CLUB").param("email", email).param("message", "Wir machen faire Gartenfeste."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/fairtrade/mitmachen").with(csrf()).param("organisation", "Chor " + tag)
                .param("kind", "CLUB").param("email", email)).andExpect(status().is3xxRedirection());
        long accepted = jdbc.queryForObject("SELECT id FROM fairtrade_join_request WHERE organisation = ?", Long.class,
                "Kleingartenverein " + tag);
        long rejected = jdbc.queryForObject("SELECT id FROM fairtrade_join_request WHERE organisation = ?", Long.class, "Chor " + tag);
        mvc.perform(get("/admin/fairtrade").with(TestAccounts.staff(STAFF, "EDITOR"))).andExpect(content().string(allOf(
                containsString("Kleingartenverein " + tag), containsString(email))));

        mvc.perform(post("/admin/fairtrade/anfragen/" + accepted + "/annehmen").with(csrf()).with(TestAccounts.staff(STAFF, "EDITOR")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/fairtrade/anfragen/" + rejected + "/ablehnen").with(csrf()).with(TestAccounts.staff(STAFF, "EDITOR")))
                .andExpect(status().is3xxRedirection());
        // deciding twice changes nothing; an unknown request is a 404
        mvc.perform(post("/admin/fairtrade/anfragen/" + accepted + "/ablehnen").with(csrf()).with(TestAccounts.staff(STAFF, "EDITOR")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/fairtrade/anfragen/999999999/annehmen").with(csrf()).with(TestAccounts.staff(STAFF, "EDITOR")))
                .andExpect(status().isNotFound());

        assertThat(jdbc.queryForObject("SELECT status FROM fairtrade_join_request WHERE id = ?", String.class, accepted))
                .isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fairtrade_join_request WHERE organisation LIKE ? AND email IS NOT NULL",
                Long.class, "%" + tag)).isZero();
        assertThat(jdbc.queryForList("SELECT subject FROM outbox_mail WHERE recipient = ? ORDER BY id", String.class, email))
                .containsExactly("Willkommen im Netzwerk Fairtrade Bottrop", "Ihre Anfrage an das Netzwerk Fairtrade Bottrop");
        mvc.perform(get("/fairtrade")).andExpect(content().string(allOf(containsString("Kleingartenverein " + tag),
                not(containsString("Chor " + tag)))));
        mvc.perform(get("/api/v1/fairtrade.csv")).andExpect(content().string(containsString("Kleingartenverein " + tag + ",CLUB")));
    }

    @Test
    void staffGetOneMailThreeMonthsBeforeTheTitleExpiresAndTheDashboardCountsTheDays() throws Exception {
        LocalDate today = LocalDate.now(PlatformConfiguration.CITY_ZONE);
        // the latest term, awarded yesterday, ends in two months (entered directly, as if shortened)
        jdbc.update("INSERT INTO fairtrade_term (awarded_on, valid_until, renewal) VALUES (?, ?, TRUE)",
                today.minusDays(1), today.plusMonths(2));
        try {
            assertThat(reminder.remind()).isTrue();
            assertThat(reminder.remind()).as("only once").isFalse();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE subject LIKE 'Fairtrade-Town: der Titel läuft am%'",
                    Long.class)).isOne();
            mvc.perform(get("/admin").with(TestAccounts.staff(STAFF, "EDITOR"))).andExpect(content().string(allOf(
                    containsString("Der Titel Fairtrade-Town gilt noch"), containsString("href=\"/admin/fairtrade\""))));
        } finally {
            jdbc.update("DELETE FROM outbox_mail WHERE subject LIKE 'Fairtrade-Town: der Titel läuft am%'");
            jdbc.update("DELETE FROM fairtrade_term WHERE awarded_on = ?", today.minusDays(1));
        }
    }
}
