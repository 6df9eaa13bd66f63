package de.stadtportal.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import de.stadtportal.PortalTest;
import de.stadtportal.account.AccountApi;
import de.stadtportal.account.TestAccounts;
import de.stadtportal.directory.domain.ListingEdits.SaveResult;
import de.stadtportal.directory.domain.Listings.ListingEdit;
import de.stadtportal.platform.PortalProperties;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.mail.MailOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An installation with portal.directory.approve-changes-first: an owner's change to a published
 * listing waits for staff; the public listing stays as it was until then. The service is built
 * with that setting here, so the shared test context keeps the default.
 */
@PortalTest
class ApproveChangesFirstTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    AccountApi accountApi;

    @Autowired
    MailOutbox mailOutbox;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MessageSource messages;

    @Autowired
    PortalProperties properties;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Listings defaultListings;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient client;

    @Autowired
    java.time.Clock clock;

    ListingEdits listings;
    TestAccounts accounts;
    long id;
    String owner;

    @BeforeEach
    void setUp() {
        listings = new ListingEdits(client, defaultListings, auditLog,
                new DirectoryProperties(true, Duration.ofDays(365), Duration.ofDays(14), 5, java.util.List.of("46236-46244"), true), clock);
        accounts = new TestAccounts(jdbc, encoder);
        owner = accounts.create("BUSINESS", "Freigabe zuerst, bitte sehr");
        id = jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status, description)
                VALUES ('test-freigabe-zuerst', 'Freigabe-Bäckerei', (SELECT id FROM category WHERE slug = 'lebensmittel'),
                        'Hochstraße 9', '46236', 'PUBLISHED', 'Alt') RETURNING id""", Long.class);
        jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", id, owner);
    }

    @AfterEach
    void cleanUp() {
        jdbc.update("DELETE FROM audit_entry WHERE entity_type = 'Unternehmen' AND entity_id = ?", String.valueOf(id));
        jdbc.update("DELETE FROM business WHERE id = ?", id);
        accounts.deleteAll();
    }

    @Test
    void anOwnersChangeWaitsForStaffAndThenGoesLive() {
        ListingEdit current = defaultListings.load(id).orElseThrow();
        ListingEdit changed = withDescription(current, "Neu: Sonntags geöffnet");

        assertThat(listings.updateByOwner(id, changed, owner)).isEqualTo(SaveResult.AWAITING_APPROVAL);
        assertThat(description()).isEqualTo("Alt");
        assertThat(listings.pendingChange(id)).hasValueSatisfying(c -> assertThat(c.description()).isEqualTo("Neu: Sonntags geöffnet"));
        assertThat(defaultListings.changedByOwners()).anySatisfy(l -> {
            assertThat(l.id()).isEqualTo(id);
            assertThat(l.changePending()).isTrue();
        });
        // a change started from an older version is refused, not merged
        assertThat(listings.updateByOwner(id, withDescription(current, "x").withVersion(current.version() - 1), owner))
                .isEqualTo(SaveResult.CONFLICT);

        assertThat(listings.applyPendingChange(id)).isTrue();
        assertThat(description()).isEqualTo("Neu: Sonntags geöffnet");
        assertThat(listings.pendingChange(id)).isEmpty();
        assertThat(listings.applyPendingChange(id)).isFalse();
    }

    @Test
    void staffCanDiscardAWaitingChange() {
        ListingEdit current = defaultListings.load(id).orElseThrow();
        listings.updateByOwner(id, withDescription(current, "Verworfen"), owner);
        assertThat(listings.discardPendingChange(id)).isTrue();
        assertThat(description()).isEqualTo("Alt");
        assertThat(listings.pendingChange(id)).isEmpty();
    }

    private String description() {
        return jdbc.queryForObject("SELECT description FROM business WHERE id = ?", String.class, id);
    }

    private static ListingEdit withDescription(ListingEdit edit, String description) {
        return new ListingEdit(edit.name(), edit.category(), edit.district(), description, edit.tags(), edit.street(),
                edit.postalCode(), edit.phone(), edit.email(), edit.website(), edit.acceptsVoucher(), edit.sellsFairtrade(),
                edit.wifiHotspot(), edit.marketStall(), edit.onlineShop(), edit.delivery(), edit.clickAndCollect(),
                edit.latitude(), edit.longitude(), edit.version());
    }
}
