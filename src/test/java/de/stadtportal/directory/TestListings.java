package de.stadtportal.directory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "A business that owns a listing", the set-up many tests share: the listing row and its owner, straight
 * in the database. The test removes the listing again (its slug) and the account (TestAccounts).
 */
public final class TestListings {

    private TestListings() {
    }

    /** A published, just confirmed listing in the category Handwerk at Hochstraße 2, 46236, owned by {@code ownerEmail}. */
    public static long publishedOwnedBy(JdbcTemplate jdbc, String ownerEmail, String slug, String name) {
        long id = insert(jdbc, slug, name, "handwerk", "Hochstraße 2", "PUBLISHED");
        jdbc.update("UPDATE business SET last_confirmed_at = now() WHERE id = ?", id);
        return owned(jdbc, id, ownerEmail);
    }

    /** A listing in the given category, street (postal code 46236) and status, never confirmed, owned by {@code ownerEmail}. */
    public static long ownedBy(JdbcTemplate jdbc, String ownerEmail, String slug, String name, String categorySlug,
                               String street, String status) {
        return owned(jdbc, insert(jdbc, slug, name, categorySlug, street, status), ownerEmail);
    }

    private static long insert(JdbcTemplate jdbc, String slug, String name, String categorySlug, String street, String status) {
        return jdbc.queryForObject("""
                INSERT INTO business (slug, name, category_id, street, postal_code, status)
                VALUES (?, ?, (SELECT id FROM category WHERE slug = ?), ?, '46236', ?) RETURNING id""",
                Long.class, slug, name, categorySlug, street, status);
    }

    private static long owned(JdbcTemplate jdbc, long id, String ownerEmail) {
        jdbc.update("INSERT INTO business_owner (business_id, account_id) SELECT ?, id FROM account WHERE email = ?", id, ownerEmail);
        return id;
    }
}
