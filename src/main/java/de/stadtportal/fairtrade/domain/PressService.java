package de.stadtportal.fairtrade.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.audit.AuditLog;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Press articles about the network, counted per calendar year for criterion 5. */
@Service
@Transactional
public class PressService {

    static final String ENTITY = "Fairtrade-Presseartikel";

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    PressService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Articles, the latest first. @param year null: all; else those of that calendar year */
    @Transactional(readOnly = true)
    public List<Article> articles(Integer year) {
        return jdbc.query("""
                SELECT * FROM fairtrade_press WHERE (CAST(:year AS INT) IS NULL OR EXTRACT(YEAR FROM published_on) = :year)
                ORDER BY published_on DESC, id DESC""", new MapSqlParameterSource("year", year), ROW);
    }

    @Transactional(readOnly = true)
    public Optional<Article> find(long id) {
        return jdbc.query("SELECT * FROM fairtrade_press WHERE id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    public long save(Long id, ArticleData data, long version) {
        MapSqlParameterSource params = new MapSqlParameterSource("title", data.title()).addValue("outlet", data.outlet())
                .addValue("published", data.publishedOn()).addValue("url", data.url()).addValue("version", version);
        if (id == null) {
            long created = jdbc.queryForObject("""
                    INSERT INTO fairtrade_press (title, outlet, published_on, url)
                    VALUES (:title, :outlet, :published, :url) RETURNING id""", params, Long.class);
            auditLog.record(ENTITY, created, "CREATED", Map.of(), data.audit());
            return created;
        }
        Article before = find(id).orElseThrow(StaleException::new);
        if (jdbc.update("""
                UPDATE fairtrade_press SET title = :title, outlet = :outlet, published_on = :published, url = :url,
                       version = version + 1
                WHERE id = :id AND version = :version""", params.addValue("id", id)) == 0) {
            throw new StaleException();
        }
        auditLog.record(ENTITY, id, "CHANGED", before.data().audit(), data.audit());
        return id;
    }

    public boolean delete(long id) {
        Optional<Article> before = find(id);
        before.ifPresent(article -> {
            jdbc.update("DELETE FROM fairtrade_press WHERE id = :id", Map.of("id", id));
            auditLog.record(ENTITY, id, "DELETED", article.data().audit(), Map.of());
        });
        return before.isPresent();
    }

    private static final RowMapper<Article> ROW = (rs, i) -> new Article(rs.getLong("id"), rs.getString("title"),
            rs.getString("outlet"), rs.getObject("published_on", LocalDate.class), rs.getString("url"),
            rs.getBoolean("example"), rs.getLong("version"));

    /** @param url null: no link (a print article) */
    public record ArticleData(String title, String outlet, LocalDate publishedOn, String url) {

        Map<String, Object> audit() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("outlet", outlet);
            fields.put("publishedOn", publishedOn);
            fields.put("url", url);
            return fields;
        }
    }

    public record Article(long id, String title, String outlet, LocalDate publishedOn, String url, boolean example,
                          long version) {

        public ArticleData data() {
            return new ArticleData(title, outlet, publishedOn, url);
        }
    }
}
