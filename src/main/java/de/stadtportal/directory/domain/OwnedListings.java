package de.stadtportal.directory.domain;

import java.util.List;
import java.util.Map;

import de.stadtportal.directory.DirectoryApi.Option;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The published listings an account owns: what other features let a business act for (e.g. job offers). */
@Component
public class OwnedListings {

    private final NamedParameterJdbcTemplate jdbc;

    OwnedListings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Option> published(long accountId) {
        return jdbc.query("""
                SELECT b.slug, b.name FROM business b JOIN business_owner o ON o.business_id = b.id
                WHERE o.account_id = :account AND b.status = 'PUBLISHED' ORDER BY b.name, b.id""",
                Map.of("account", accountId), (rs, i) -> new Option(rs.getString("slug"), rs.getString("name")));
    }
}
