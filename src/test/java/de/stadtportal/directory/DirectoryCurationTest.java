package de.stadtportal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.stadtportal.PortalTest;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.DirectoryApi.Search;
import de.stadtportal.directory.domain.ConfirmationReminder;
import de.stadtportal.platform.PlatformConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The directory's upkeep: staff create, edit, archive and hand over listings; owners keep hours
 * and data current; visitors report outdated data; categories, imports and topic texts.
 */
@PortalTest
class DirectoryCurationTest {

    static final String PASSWORD = "Malakofftürme über Bottrop";
    static final RequestPostProcessor STAFF = TestAccounts.staff("redaktion@bottrop.example", "EDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryApi directory;

    @Autowired
    ConfirmationReminder reminder;

    TestAccounts accounts;
    /** Every business this test creates has this in its name; clean-up removes exactly those. */
    String tag;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(jdbc, encoder);
        tag = "Kurationstest " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM outbox_mail WHERE body LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id IN "
                + "(SELECT id::text FROM business WHERE name LIKE ?)", "%" + tag + "%");
        jdbc.update("DELETE FROM business WHERE name LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM audit_entry WHERE entity_type IN ('Branche', 'Stadtteil') AND changes::text LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM category WHERE name LIKE ?", "%" + tag + "%");
        jdbc.update("DELETE FROM district WHERE name LIKE ?", "%" + tag + "%");
        accounts.deleteAll();
    }

    @Test
    void staffCreateEditArchiveAndRestoreAListing() throws Exception {
        String name = "Buchhandlung " + tag;
        String location = mvc.perform(listing(post("/admin/unternehmen/neu"), name, 0).with(STAFF))
                .andExpect(flash().attribute("success", "directory.staffListing.created"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String slug = slug(id);
        mvc.perform(get("/unternehmen/{slug}", slug)).andExpect(status().isOk()).andExpect(content().string(containsString(name)));
        assertThat(found(name)).isTrue();

        mvc.perform(listing(post("/admin/unternehmen/{id}", id), name, version(id)).param("description", "Neu: Lesecafé").with(STAFF))
                .andExpect(redirectedUrl("/admin/unternehmen/" + id));
        assertThat(jdbc.queryForObject("SELECT description FROM business WHERE id = ?", String.class, id)).isEqualTo("Neu: Lesecafé");
        // a second tab with the old version: 409, the input stays
        mvc.perform(listing(post("/admin/unternehmen/{id}", id), name, version(id) - 1).param("description", "Alte Fassung").with(STAFF))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Alte Fassung")));

        mvc.perform(post("/admin/unternehmen/{id}/archivieren", id).with(csrf()).with(STAFF))
                .andExpect(flash().attribute("success", "directory.staffListing.archived"));
        mvc.perform(get("/unternehmen/{slug}", slug)).andExpect(status().isNotFound());
        assertThat(found(name)).isFalse();
        mvc.perform(post("/admin/unternehmen/{id}/wiederherstellen", id).with(csrf()).with(STAFF))
                .andExpect(flash().attribute("success", "directory.staffListing.restored"));
        mvc.perform(get("/unternehmen/{slug}", slug)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id = ? "
                + "AND action IN ('CREATED', 'UPDATED', 'ARCHIVED', 'RESTORED')", Integer.class, String.valueOf(id))).isEqualTo(4);

        mvc.perform(get("/admin/unternehmen/alle").param("q", tag).with(STAFF))
                .andExpect(content().string(allOf(containsString(name), containsString("ohne Konto"))));
    }

    @Test
    void staffAskForChangesAndTheOwnersSaveSubmitsAgain() throws Exception {
        Owner owner = register("Café " + tag);
        mvc.perform(post("/admin/unternehmen/{id}/ablehnen", owner.id()).with(csrf()).with(STAFF)
                        .param("decision", "aenderungen").param("reason", "Bitte ergänzen Sie die Hausnummer."))
                .andExpect(flash().attribute("success", "directory.moderation.changesRequested"));
        assertThat(statusOf(owner.id())).isEqualTo("CHANGES_REQUESTED");
        assertThat(mail(owner.email(), "Bitte ergänzen Sie Ihren Eintrag")).contains("Bitte ergänzen Sie die Hausnummer.",
                "/konto/eintraege/" + owner.id());
        mvc.perform(get("/konto/eintraege").with(user(owner.email()).roles("BUSINESS")))
                .andExpect(content().string(containsString("Bitte ergänzen Sie die Hausnummer.")));

        mvc.perform(listing(post("/konto/eintraege/{id}", owner.id()), "Café " + tag, version(owner.id()))
                        .with(user(owner.email()).roles("BUSINESS")))
                .andExpect(flash().attribute("success", "directory.edit.resubmitted"));
        assertThat(statusOf(owner.id())).isEqualTo("PENDING");
    }

    @Test
    void ownersChangesToAPublishedListingGoLiveAndShowUpForStaff() throws Exception {
        Owner owner = register("Eisdiele " + tag);
        mvc.perform(post("/admin/unternehmen/{id}/freigeben", owner.id()).with(csrf()).with(STAFF));
        mvc.perform(listing(post("/konto/eintraege/{id}", owner.id()), "Eisdiele " + tag, version(owner.id()))
                        .param("description", "Jetzt mit veganem Eis").with(user(owner.email()).roles("BUSINESS")))
                .andExpect(flash().attribute("success", "directory.edit.saved"));
        assertThat(directory.find(slug(owner.id())).orElseThrow().description()).isEqualTo("Jetzt mit veganem Eis");
        mvc.perform(get("/admin/unternehmen/aenderungen").with(STAFF)).andExpect(content().string(containsString("Eisdiele " + tag)));
        mvc.perform(post("/admin/unternehmen/{id}/gesehen", owner.id()).with(csrf()).with(STAFF));
        mvc.perform(get("/admin/unternehmen/aenderungen").with(STAFF)).andExpect(content().string(not(containsString("Eisdiele " + tag))));
    }

    @Test
    void ownersEditSplitHoursAndClosedDaysWhichTheDetailPageShows() throws Exception {
        Owner owner = register("Metzgerei " + tag);
        mvc.perform(post("/admin/unternehmen/{id}/freigeben", owner.id()).with(csrf()).with(STAFF));
        RequestPostProcessor asOwner = user(owner.email()).roles("BUSINESS");

        // closing before opening: 400, a German message next to the field, the typed times kept
        mvc.perform(hours(owner.id(), "09:00", "13:00", "15:00", "12:00").with(asOwner))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Die Schließzeit muss nach der Öffnungszeit liegen."),
                        containsString("value=\"15:00\""))));
        mvc.perform(hours(owner.id(), "09:00", "13:00", "12:30", "18:00").with(asOwner))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Die zweite Zeitspanne muss nach dem Ende der ersten beginnen.")));
        mvc.perform(hours(owner.id(), "09:00", "13:00", "15:00", "18:00").with(asOwner))
                .andExpect(flash().attribute("success", "directory.hours.saved"));
        // a form without the week is refused, not half saved
        mvc.perform(post("/konto/eintraege/{id}/oeffnungszeiten", owner.id()).with(csrf()).with(asOwner)
                        .param("days[0].opens1", "08:00").param("days[0].closes1", "12:00"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForList("SELECT opens::text || '-' || closes::text FROM opening_hours WHERE business_id = ? "
                + "AND day_of_week = 1 ORDER BY opens", String.class, owner.id()))
                .containsExactly("09:00:00-13:00:00", "15:00:00-18:00:00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM opening_hours WHERE business_id = ? AND day_of_week = 7",
                Integer.class, owner.id())).isZero();

        LocalDate today = LocalDate.now(PlatformConfiguration.CITY_ZONE);
        mvc.perform(post("/konto/eintraege/{id}/oeffnungszeiten/ausnahmen", owner.id()).with(csrf()).with(asOwner)
                        .param("day", today.minusDays(1).toString()).param("closed", "true"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Das Datum liegt in der Vergangenheit.")));
        mvc.perform(post("/konto/eintraege/{id}/oeffnungszeiten/ausnahmen", owner.id()).with(csrf()).with(asOwner)
                        .param("day", today.toString()).param("closed", "true").param("note", "Betriebsausflug"))
                .andExpect(flash().attribute("success", "directory.hours.exceptionSaved"));
        mvc.perform(get("/unternehmen/{slug}", slug(owner.id())))
                .andExpect(content().string(allOf(containsString("09:00–13:00"), containsString("15:00–18:00"),
                        containsString("Betriebsausflug"), containsString("specialOpeningHoursSpecification"))));
        // the dated exception wins over the weekly hours: closed today, whatever the time
        jdbc.update("INSERT INTO opening_hours (business_id, day_of_week, opens, closes) VALUES (?, ?, '00:00', '23:59:59')",
                owner.id(), today.getDayOfWeek().getValue() == 1 ? 2 : today.getDayOfWeek().getValue());
        assertThat(directory.search(new Search(tag, null, null, List.of(), true, "relevanz", 0)).hits()).isEmpty();

        mvc.perform(post("/konto/eintraege/{id}/oeffnungszeiten/ausnahmen/{day}/loeschen", owner.id(), today)
                .with(csrf()).with(asOwner)).andExpect(flash().attribute("success", "directory.hours.exceptionRemoved"));
        // someone else's listing does not exist for a stranger
        String stranger = accounts.create("BUSINESS", PASSWORD);
        mvc.perform(get("/konto/eintraege/{id}/oeffnungszeiten", owner.id()).with(user(stranger).roles("BUSINESS")))
                .andExpect(status().isNotFound());
    }

    @Test
    void visitorsReportOutdatedDataWithinALimitAndStaffResolveIt() throws Exception {
        String name = "Optiker " + tag;
        long id = createByStaff(name);
        String slug = slug(id);
        mvc.perform(post("/unternehmen/{slug}/hinweis", slug).with(csrf()).param("message", " ").param("email", "kaputt"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Bitte beschreiben Sie kurz"), containsString("gültige E-Mail-Adresse"))));
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/unternehmen/{slug}/hinweis", slug).with(csrf()).with(address("198.51.100.7"))
                            .param("message", "Umgezogen " + tag + " " + i))
                    .andExpect(redirectedUrl("/unternehmen/" + slug));
        }
        mvc.perform(post("/unternehmen/{slug}/hinweis", slug).with(csrf()).with(address("198.51.100.7"))
                        .param("message", "Sechster Hinweis " + tag))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Sechster Hinweis " + tag)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_report WHERE business_id = ?", Integer.class, id)).isEqualTo(5);

        mvc.perform(get("/admin/unternehmen/hinweise").with(STAFF)).andExpect(content().string(containsString("Umgezogen " + tag + " 1")));
        long report = jdbc.queryForObject("SELECT min(id) FROM business_report WHERE business_id = ?", Long.class, id);
        mvc.perform(post("/admin/unternehmen/hinweise/{id}/erledigt", report).with(csrf()).with(STAFF))
                .andExpect(flash().attribute("success", "directory.report.resolved"));
        mvc.perform(post("/admin/unternehmen/hinweise/{id}/erledigt", report).with(csrf()).with(STAFF))
                .andExpect(status().isNotFound());
        mvc.perform(get("/unternehmen/gibt-es-nicht/hinweis")).andExpect(status().isNotFound());
    }

    @Test
    void aBusinessTakesOverTheListingTheCityCreatedWithASingleUseLink() throws Exception {
        String name = "Schneiderei " + tag;
        long id = createByStaff(name);
        String email = "schneiderei-" + UUID.randomUUID() + "@test.example";
        accounts.track(email);
        mvc.perform(post("/admin/unternehmen/{id}/einladen", id).with(csrf()).with(STAFF).param("email", "keine-adresse"))
                .andExpect(flash().attribute("failure", "directory.claim.emailInvalid"));
        mvc.perform(post("/admin/unternehmen/{id}/einladen", id).with(csrf()).with(STAFF).param("email", email))
                .andExpect(flash().attribute("success", "directory.claim.sent"));
        Matcher link = Pattern.compile("/mitmachen/uebernehmen\\?token=([A-Za-z0-9_-]+)").matcher(mail(email, "Ihr Unternehmen"));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        mvc.perform(get("/mitmachen/uebernehmen").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(post("/mitmachen/uebernehmen").with(csrf()).param("token", token)
                        .param("password", "kurz").param("passwordRepeat", "kurz"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("mindestens 12 Zeichen")));
        mvc.perform(post("/mitmachen/uebernehmen").with(csrf()).param("token", token)
                        .param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(redirectedUrl("/konto/anmelden"));
        assertThat(jdbc.queryForObject("SELECT email_verified FROM account WHERE email = ?", Boolean.class, email)).isTrue();
        mvc.perform(get("/konto/eintraege/{id}", id).with(user(email).roles("BUSINESS"))).andExpect(status().isOk());

        // used once: the link is dead now
        mvc.perform(get("/mitmachen/uebernehmen").param("token", token)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("abgelaufen oder wurde schon verwendet")));

        // an existing account takes a second listing over after logging in
        long second = createByStaff("Änderungsschneiderei " + tag);
        mvc.perform(post("/admin/unternehmen/{id}/einladen", second).with(csrf()).with(STAFF).param("email", email));
        Matcher secondLink = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail(email, "Ihr Unternehmen im Stadtportal Bottrop: Ä"));
        assertThat(secondLink.find()).isTrue();
        mvc.perform(post("/konto/uebernehmen").with(csrf()).with(user(email).roles("BUSINESS")).param("token", secondLink.group(1)))
                .andExpect(redirectedUrl("/konto/eintraege"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_owner o JOIN account a ON a.id = o.account_id WHERE a.email = ?",
                Integer.class, email)).isEqualTo(2);
        // an expired link is refused
        jdbc.update("UPDATE business_claim SET used_at = NULL, expires_at = now() - interval '1 minute' WHERE business_id = ?", second);
        mvc.perform(post("/konto/uebernehmen").with(csrf()).with(user(email).roles("BUSINESS")).param("token", secondLink.group(1)))
                .andExpect(status().isNotFound());
    }

    @Test
    void ownersAreRemindedOnceAfterTwelveMonthsAndAConfirmationStartsTheClockAgain() throws Exception {
        Owner owner = register("Reinigung " + tag);
        mvc.perform(post("/admin/unternehmen/{id}/freigeben", owner.id()).with(csrf()).with(STAFF));
        jdbc.update("UPDATE business SET last_confirmed_at = now() - interval '13 months' WHERE id = ?", owner.id());
        mvc.perform(get("/admin/unternehmen/alle").param("veraltet", "true").param("q", tag).with(STAFF))
                .andExpect(content().string(containsString("Reinigung " + tag)));

        assertThat(reminder.remind()).isGreaterThanOrEqualTo(1);
        assertThat(reminder.remind()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_mail WHERE recipient = ? AND subject LIKE 'Sind Ihre Angaben%'",
                Integer.class, owner.email())).isEqualTo(1);

        mvc.perform(post("/konto/eintraege/{id}/bestaetigen", owner.id()).with(csrf()).with(user(owner.email()).roles("BUSINESS")))
                .andExpect(flash().attribute("success", "directory.own.confirmed"));
        assertThat(jdbc.queryForObject("SELECT last_confirmed_at > now() - interval '1 minute' AND reminder_sent_at IS NULL "
                + "FROM business WHERE id = ?", Boolean.class, owner.id())).isTrue();
    }

    @Test
    void aSecondListingWithTheSameNameAndAddressIsFlaggedAsDuplicate() throws Exception {
        String name = "Zweiradhaus " + tag;
        long first = createByStaff(name);
        register(name);
        mvc.perform(get("/admin/unternehmen").with(STAFF))
                .andExpect(content().string(allOf(containsString("Mögliches Duplikat"),
                        containsString("/admin/unternehmen/" + first + "\""))));
    }

    @Test
    void staffMaintainCategoriesAndCannotDeleteOneInUse() throws Exception {
        mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen").with(csrf()).with(STAFF).param("name", "Kunst " + tag).param("position", "9"))
                .andExpect(flash().attribute("success", "directory.catalog.added"));
        long category = jdbc.queryForObject("SELECT id FROM category WHERE name = ?", Long.class, "Kunst " + tag);
        String slug = jdbc.queryForObject("SELECT slug FROM category WHERE id = ?", String.class, category);
        mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen").with(csrf()).with(STAFF).param("name", "kunst " + tag.toUpperCase()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Diesen Namen gibt es schon.")));
        mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen/{id}", category).with(csrf()).with(STAFF)
                        .param("name", "Kunst und Kultur " + tag).param("position", "10"))
                .andExpect(flash().attribute("success", "directory.catalog.saved"));
        assertThat(jdbc.queryForObject("SELECT slug FROM category WHERE id = ?", String.class, category)).isEqualTo(slug);

        long listing = createByStaff("Galerie " + tag);
        jdbc.update("UPDATE business SET category_id = ? WHERE id = ?", category, listing);
        mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen/{id}/loeschen", category).with(csrf()).with(STAFF))
                .andExpect(flash().attribute("failure", "directory.catalog.inUse"));
        jdbc.update("DELETE FROM business WHERE id = ?", listing);
        mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen/{id}/loeschen", category).with(csrf()).with(STAFF))
                .andExpect(flash().attribute("success", "directory.catalog.deleted"));
        mvc.perform(post("/admin/unternehmen/verzeichnisse/gibt-es-nicht").with(csrf()).with(STAFF).param("name", "x"))
                .andExpect(status().isNotFound());
    }

    /** The search form's choices are kept per directory version: every change shows on the next search. */
    @Test
    void theSearchFormShowsCategoriesAndDistrictsAsTheyAreNow() throws Exception {
        mvc.perform(get("/unternehmen").param("q", "Bäckerei")).andExpect(content().string(not(containsString("Kunst " + tag))));
        mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen").with(csrf()).with(STAFF).param("name", "Kunst " + tag)
                        .param("nameEn", "Art " + tag).param("position", "9"))
                .andExpect(flash().attribute("success", "directory.catalog.added"));
        long category = jdbc.queryForObject("SELECT id FROM category WHERE name = ?", Long.class, "Kunst " + tag);
        try {
            mvc.perform(get("/unternehmen").param("q", "Bäckerei")).andExpect(content().string(containsString(">Kunst " + tag + "</option>")));
            mvc.perform(get("/en/unternehmen").param("q", "Bäckerei")).andExpect(content().string(containsString(">Art " + tag + "</option>")));
            mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen/{id}", category).with(csrf()).with(STAFF)
                            .param("name", "Kunst und Kultur " + tag).param("nameEn", "").param("position", "9"))
                    .andExpect(flash().attribute("success", "directory.catalog.saved"));
            mvc.perform(get("/unternehmen").param("q", "Bäckerei")).andExpect(content().string(allOf(
                    containsString(">Kunst und Kultur " + tag + "</option>"), not(containsString(">Kunst " + tag + "</option>")))));
            mvc.perform(get("/en/unternehmen").param("q", "Bäckerei")).andExpect(content().string(
                    containsString(" lang=\"de\">Kunst und Kultur " + tag + "</option>")));
            // a change written past the portal's services (another instance, an import by SQL) shows as well
            jdbc.update("UPDATE district SET name = ? WHERE slug = 'boy'", "Boy " + tag);
            mvc.perform(get("/unternehmen").param("q", "Bäckerei")).andExpect(content().string(containsString(">Boy " + tag + "</option>")));
        } finally {
            jdbc.update("UPDATE district SET name = 'Boy' WHERE slug = 'boy'");
            jdbc.update("DELETE FROM category WHERE id = ?", category);
        }
        mvc.perform(get("/unternehmen").param("q", "Bäckerei")).andExpect(content().string(allOf(
                not(containsString("Kunst und Kultur " + tag)), containsString(">Boy</option>"))));
    }

    @Test
    void staffGiveCategoriesAndDistrictsEnglishNamesAndEnglishPagesShowThemElseTheGermanMarked() throws Exception {
        mvc.perform(get("/admin/unternehmen/verzeichnisse").with(STAFF)).andExpect(content().string(containsString("name=\"nameEn\"")));
        mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen").with(csrf()).with(STAFF).param("name", "Kunst " + tag)
                        .param("nameEn", "Art " + tag).param("position", "9"))
                .andExpect(flash().attribute("success", "directory.catalog.added"));
        long category = jdbc.queryForObject("SELECT id FROM category WHERE name = ?", Long.class, "Kunst " + tag);
        String categorySlug = jdbc.queryForObject("SELECT slug FROM category WHERE id = ?", String.class, category);
        long listing = createByStaff("Galerie " + tag);
        jdbc.update("UPDATE business SET category_id = ?, district_id = (SELECT id FROM district WHERE slug = 'boy') WHERE id = ?",
                category, listing);
        try {
            String slug = slug(listing);
            // English page: the English category; Boy has no English name, so the German one, marked as German
            mvc.perform(get("/en/unternehmen/" + slug)).andExpect(status().isOk()).andExpect(content().string(allOf(
                    containsString(">Art " + tag + "</span>"), containsString("<span lang=\"de\">Boy</span>"),
                    not(containsString("Kunst " + tag)))));
            mvc.perform(get("/en/unternehmen").param("kategorie", categorySlug)).andExpect(content().string(allOf(
                    containsString(">Art " + tag + "</option>"), containsString(">Art " + tag + "</span>"),
                    containsString("<option value=\"boy\" lang=\"de\">Boy</option>"))));
            // the German page stays German
            mvc.perform(get("/unternehmen/" + slug)).andExpect(content().string(allOf(containsString(">Kunst " + tag + "</span>"),
                    not(containsString("Art " + tag)))));
            // the built-in categories come with English names
            mvc.perform(get("/en/unternehmen")).andExpect(content().string(containsString(">Crafts and trades</option>")));

            // an English name given, changed, emptied again: back to the German name, marked
            mvc.perform(post("/admin/unternehmen/verzeichnisse/stadtteile/{id}",
                            jdbc.queryForObject("SELECT id FROM district WHERE slug = 'boy'", Long.class)).with(csrf()).with(STAFF)
                            .param("name", "Boy").param("nameEn", "Boy district"))
                    .andExpect(flash().attribute("success", "directory.catalog.saved"));
            mvc.perform(get("/en/unternehmen/" + slug)).andExpect(content().string(containsString("<span>Boy district</span>")));
            mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen/{id}", category).with(csrf()).with(STAFF)
                            .param("name", "Kunst " + tag).param("nameEn", "").param("position", "9"))
                    .andExpect(flash().attribute("success", "directory.catalog.saved"));
            mvc.perform(get("/en/unternehmen/" + slug)).andExpect(content().string(containsString("<span lang=\"de\">Kunst " + tag + "</span>")));
            mvc.perform(post("/admin/unternehmen/verzeichnisse/branchen/{id}", category).with(csrf()).with(STAFF)
                            .param("name", "Kunst " + tag).param("nameEn", "x".repeat(121)))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString("höchstens 120 Zeichen")));
        } finally {
            jdbc.update("UPDATE district SET name_en = NULL WHERE slug = 'boy'");
            jdbc.update("DELETE FROM business WHERE id = ?", listing);
            jdbc.update("DELETE FROM category WHERE id = ?", category);
        }
    }

    @Test
    void csvImportChecksEveryLineFirstAndWritesOnlyAValidFile() throws Exception {
        String header = "name;branche;strasse;plz;stadtteil;telefon;email;website;gutschein;breitengrad;laengengrad\n";
        String bad = header
                + "Hutmacherei " + tag + ";Handwerk;Hochstraße 3;46236;Boy;02041 1;hut@example.org;https://hut.example;ja;51,52;6,92\n"
                + ";Handwerk;Hochstraße 4;4623;Mars;;;;vielleicht;;\n"
                + "Hutmacherei " + tag + ";Handwerk;Hochstraße 3;46236;;;;ftp://x;nein;;\n"
                + "Hutmacherei " + tag + ";handwerk;Hochstraße 3;46236;;;;;nein;;\n";
        mvc.perform(multipart("/admin/unternehmen/import").file(csv(bad)).param("mode", "importieren").with(csrf()).with(STAFF))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("Der Name fehlt."), containsString("»4623«"),
                        containsString("Den Stadtteil »Mars« gibt es nicht."), containsString("vielleicht"),
                        containsString("steht doppelt in der Datei"), containsString("<td class=\"number\">3</td>"),
                        containsString("<td class=\"number\">5</td>"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business WHERE name LIKE ?", Integer.class, "%" + tag + "%")).isZero();

        String good = header
                + "Hutmacherei " + tag + ";Handwerk;Hochstraße 3;46236;Boy;02041 1;hut@example.org;https://hut.example;ja;51,52;6,92\n"
                + "\"Kiosk \"\"Am Eck\"\" " + tag + "\";einzelhandel;Gladbecker Straße 1;46236;;;;;;;\n";
        mvc.perform(multipart("/admin/unternehmen/import").file(csv(good)).param("mode", "pruefen").with(csrf()).with(STAFF))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Alle 2 Zeilen sind in Ordnung")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business WHERE name LIKE ?", Integer.class, "%" + tag + "%")).isZero();
        mvc.perform(multipart("/admin/unternehmen/import").file(csv(good)).param("mode", "importieren").with(csrf()).with(STAFF))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2 Einträge wurden importiert")));
        assertThat(jdbc.queryForObject("SELECT accepts_voucher AND latitude = 51.52 AND status = 'PUBLISHED' FROM business WHERE name = ?",
                Boolean.class, "Hutmacherei " + tag)).isTrue();
        assertThat(found("Kiosk \"Am Eck\" " + tag)).isTrue();

        String export = mvc.perform(get("/admin/unternehmen/export.csv").with(STAFF))
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).startsWith("\uFEFFname;branche;").contains("Hutmacherei " + tag + ";Handwerk;Hochstraße 3;46236;Boy");

        mvc.perform(multipart("/admin/unternehmen/import").file(new MockMultipartFile("file", "leer.csv", "text/csv", new byte[0]))
                        .with(csrf()).with(STAFF))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Bitte wählen Sie eine CSV-Datei aus.")));
    }

    @Test
    void staffWriteTheTopicTextWhichIsShownEscaped() throws Exception {
        try {
            mvc.perform(post("/admin/unternehmen/themen/gutschein").with(csrf()).with(STAFF)
                            .param("german", "Erster Absatz " + tag + "\n\n<script>alert(1)</script> zweiter Absatz")
                            .param("english", "First paragraph " + tag).param("version", "0"))
                    .andExpect(flash().attribute("success", "directory.topics.saved"));
            mvc.perform(get("/gutschein")).andExpect(content().string(allOf(
                    containsString("<p class=\"lead\">Erster Absatz " + tag + "</p>"),
                    containsString("&lt;script&gt;alert(1)&lt;/script&gt; zweiter Absatz"), not(containsString("<script>alert")))));
            mvc.perform(get("/gutschein").param("lang", "en")).andExpect(content().string(containsString("First paragraph " + tag)));
            mvc.perform(post("/admin/unternehmen/themen/gutschein").with(csrf()).with(STAFF).param("german", " ").param("english", "x")
                            .param("version", "1"))
                    .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Bitte füllen Sie dieses Feld aus.")));
            mvc.perform(post("/admin/unternehmen/themen/gutschein/zuruecksetzen").with(csrf()).with(STAFF));
            mvc.perform(get("/gutschein")).andExpect(content().string(not(containsString(tag))));
        } finally {
            jdbc.update("DELETE FROM topic_text WHERE topic = 'gutschein'");
            jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Themenseite'");
            jdbc.update("DELETE FROM content_version WHERE kind = 'Themenseite'");
        }
    }

    /** Issue 12: the editor opened empty; it shows the built-in text staff are about to replace. */
    @Test
    void theTopicTextEditorOpensWithTheBuiltInTextWhenStaffHaveWrittenNone() throws Exception {
        jdbc.update("DELETE FROM topic_text WHERE topic = 'wlan'");
        mvc.perform(get("/admin/unternehmen/themen/wlan").with(STAFF)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("In der Bottroper Innenstadt surfen Sie kostenlos"),
                containsString("Surf for free in Bottrop"))));
    }

    @Test
    void aListingDownloadsAsVCard() throws Exception {
        long id = createByStaff("Weinhandlung " + tag);
        jdbc.update("UPDATE business SET phone = '02041 777', latitude = 51.5236, longitude = 6.9285 WHERE id = ?", id);
        String card = mvc.perform(get("/unternehmen/{slug}/visitenkarte.vcf", slug(id)))
                .andExpect(header().string("Content-Type", containsString("text/vcard")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(card).startsWith("BEGIN:VCARD").contains("VERSION:4.0", "FN:Weinhandlung " + tag, "TEL;TYPE=work:02041 777",
                "Hochstraße 1", "46236", "GEO:geo:51.5236,6.9285").endsWith("END:VCARD\r\n");
        mvc.perform(get("/unternehmen/gibt-es-nicht/visitenkarte.vcf")).andExpect(status().isNotFound());
    }

    private record Owner(long id, String email) {
    }

    /** A business registers itself at /mitmachen; the listing waits for moderation. */
    private Owner register(String name) throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@test.example";
        accounts.track(email);
        mvc.perform(post("/mitmachen").with(csrf()).param("name", name).param("category", "handwerk")
                        .param("street", "Hochstraße 1").param("postalCode", "46236").param("email", email)
                        .param("password", PASSWORD).param("passwordRepeat", PASSWORD))
                .andExpect(redirectedUrl("/mitmachen/danke"));
        jdbc.update("UPDATE account SET email_verified = TRUE WHERE email = ?", email);
        long id = jdbc.queryForObject("SELECT max(b.id) FROM business b JOIN business_owner o ON o.business_id = b.id "
                + "JOIN account a ON a.id = o.account_id WHERE a.email = ?", Long.class, email);
        return new Owner(id, email);
    }

    private long createByStaff(String name) throws Exception {
        String location = mvc.perform(listing(post("/admin/unternehmen/neu"), name, 0).with(STAFF))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static MockHttpServletRequestBuilder listing(MockHttpServletRequestBuilder request, String name, long version) {
        return request.with(csrf()).param("name", name).param("category", "handwerk").param("street", "Hochstraße 1")
                .param("postalCode", "46236").param("version", String.valueOf(version));
    }

    private static MockHttpServletRequestBuilder hours(long id, String opens1, String closes1, String opens2, String closes2) {
        MockHttpServletRequestBuilder request = post("/konto/eintraege/{id}/oeffnungszeiten", id).with(csrf());
        for (int day = 0; day < 7; day++) {
            boolean weekday = day < 5;
            request.param("days[" + day + "].opens1", weekday ? opens1 : "").param("days[" + day + "].closes1", weekday ? closes1 : "")
                    .param("days[" + day + "].opens2", weekday ? opens2 : "").param("days[" + day + "].closes2", weekday ? closes2 : "");
        }
        return request;
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "unternehmen.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor address(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    private boolean found(String name) {
        return directory.search(new Search(name, null, null, List.of(), false, "relevanz", 0)).hits().stream()
                .anyMatch(hit -> hit.name().equals(name));
    }

    private String slug(long id) {
        return jdbc.queryForObject("SELECT slug FROM business WHERE id = ?", String.class, id);
    }

    private long version(long id) {
        return jdbc.queryForObject("SELECT version FROM business WHERE id = ?", Long.class, id);
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("SELECT status FROM business WHERE id = ?", String.class, id);
    }

    private String mail(String recipient, String subject) {
        return jdbc.queryForObject("SELECT body FROM outbox_mail WHERE recipient = ? AND subject LIKE ? ORDER BY id DESC LIMIT 1",
                String.class, recipient, subject + "%");
    }
}
