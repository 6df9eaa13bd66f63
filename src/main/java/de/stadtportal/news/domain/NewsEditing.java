package de.stadtportal.news.domain;

import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.RichText;
import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.images.ImageProcessor.Processed;
import de.stadtportal.platform.versions.ContentVersions;
import de.stadtportal.platform.versions.ContentVersions.Version;
import de.stadtportal.search.SearchableDocumentRemoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff write news: create, change (optimistic locking on {@code version}), delete. The Markdown is
 * rendered and cleaned here, once per save; every change goes to the audit log and keeps the state it
 * replaces as an earlier version (platform ContentVersions), which staff restore in one click.
 */
@Service
@Transactional
public class NewsEditing {

    public static final String ENTITY = "Nachricht";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final ContentVersions versions;

    NewsEditing(JdbcClient jdbc, Clock clock, AuditLog auditLog, ApplicationEventPublisher events, ContentVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.clock = clock;
        this.auditLog = auditLog;
        this.events = events;
    }

    /** @return the new item's id; its address follows from the title */
    public long create(NewsData data) {
        return create(data, null);
    }

    /**
     * @param image checked and re-encoded by ImageProcessor, or null; with it, {@code data.imageAlt()} is its alt text
     * @return the new item's id; its address follows from the title
     */
    public long create(NewsData data, Processed image) {
        Map<String, Object> params = params(data.withoutImage());
        params.put("slug", uniqueSlug(data.title()));
        long id = jdbc.sql("""
                        INSERT INTO news (slug, title, title_en, teaser, teaser_en, body, body_en, body_html, body_en_html,
                                          topics, publish_at, created_at, updated_at)
                        VALUES (:slug, :title, :titleEn, :teaser, :teaserEn, :body, :bodyEn, :bodyHtml, :bodyEnHtml,
                                CAST(:topics AS VARCHAR(30)[]), :publishAt, :now, :now) RETURNING id""")
                .params(params).query(Long.class).single();
        if (image != null) {
            data = data.withImage(storeImage(id, image));
            jdbc.sql("UPDATE news SET image_id = :image, image_alt = :alt, image_alt_en = :altEn WHERE id = :id")
                    .param("image", data.imageId()).param("alt", data.imageAlt())
                    .param("altEn", data.imageAltEn(), java.sql.Types.VARCHAR).param("id", id).update();
        }
        auditLog.record(ENTITY, id, "CREATED", Map.of(), data.audit());
        return id;
    }

    /** Changes an item unless someone saved it since {@code version} was read. The address stays. */
    public void change(long id, long version, NewsData data) {
        change(id, version, data, (Processed) null);
    }

    /**
     * Changes an item unless someone saved it since {@code version} was read.
     * @param image a new image (checked and re-encoded), or null to keep {@code data.imageId()} (null: none)
     */
    public void change(long id, long version, NewsData data, Processed image) {
        if (image != null) {
            data = data.withImage(storeImage(id, image));
        }
        save(id, version, data, "CHANGED");
    }

    private void save(long id, long version, NewsData data, String action) {
        NewsItem before = find(id).orElseThrow(StaleNewsException::new);
        if (data.imageId() != null && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM news_image WHERE id = :image AND news_id = :id)")
                .param("image", data.imageId()).param("id", id).query(Boolean.class).single()) {
            // only this item's own images: an image id from elsewhere is dropped, never shown here
            data = data.withoutImage();
        }
        Map<String, Object> params = params(data);
        params.put("id", id);
        params.put("version", version);
        int changed = jdbc.sql("""
                        UPDATE news SET title = :title, title_en = :titleEn, teaser = :teaser, teaser_en = :teaserEn,
                               body = :body, body_en = :bodyEn, body_html = :bodyHtml, body_en_html = :bodyEnHtml,
                               topics = CAST(:topics AS VARCHAR(30)[]), publish_at = :publishAt, updated_at = :now,
                               image_id = :imageId, image_alt = :imageAlt, image_alt_en = :imageAltEn,
                               version = version + 1
                        WHERE id = :id AND version = :version""")
                .params(params).update();
        if (changed == 0) {
            throw new StaleNewsException();
        }
        versions.keep(ENTITY, id, before.data().audit());
        auditLog.record(ENTITY, id, action, before.data().audit(), data.audit());
    }

    /** The kept versions of an item, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(long id) {
        return versions.of(ENTITY, id);
    }

    /** Restores a kept version; the state it replaces is kept in turn. @return false: no such item or version */
    public boolean restore(long id, int number) {
        Optional<NewsItem> current = find(id);
        Optional<Version> version = versions.find(ENTITY, id, number);
        if (current.isEmpty() || version.isEmpty()) {
            return false;
        }
        save(id, current.get().version(), NewsData.of(version.get().state()), "RESTORED");
        return true;
    }

    /** @return false when there was no such item */
    public boolean delete(long id) {
        Optional<NewsItem> before = find(id);
        if (before.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM news WHERE id = :id").param("id", id).update();
        auditLog.record(ENTITY, id, "DELETED", before.get().data().audit(), Map.of());
        // gone from the search at once, not only at its next reconciliation
        events.publishEvent(new SearchableDocumentRemoved(NewsSearchDocuments.KIND, before.get().slug()));
        return true;
    }

    private Optional<NewsItem> find(long id) {
        return jdbc.sql(NewsCatalog.SELECT + " WHERE n.id = :id").param("id", id).query(NewsCatalog.ITEM).optional();
    }

    private Map<String, Object> params(NewsData data) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", data.title());
        params.put("titleEn", data.titleEn());
        params.put("teaser", data.teaser());
        params.put("teaserEn", data.teaserEn());
        params.put("body", data.body());
        params.put("bodyEn", data.bodyEn());
        params.put("bodyHtml", RichText.toHtml(data.body()));
        params.put("bodyEnHtml", data.bodyEn() == null || data.bodyEn().isBlank() ? null : RichText.toHtml(data.bodyEn()));
        params.put("topics", "{" + String.join(",", data.topics().stream().map(Enum::name).toList()) + "}");
        params.put("publishAt", data.publishAt().toOffsetDateTime());
        params.put("imageId", data.imageId());
        params.put("imageAlt", data.imageId() == null ? null : data.imageAlt());
        params.put("imageAltEn", data.imageId() == null ? null : data.imageAltEn());
        params.put("now", OffsetDateTime.now(clock));
        return params;
    }

    /** A new row; rows are never changed, so an image's address can be cached for a year. */
    private long storeImage(long newsId, Processed image) {
        return jdbc.sql("""
                        INSERT INTO news_image (news_id, content_type, width, height, data, created_at)
                        VALUES (:news, :type, :width, :height, :data, :now) RETURNING id""")
                .param("news", newsId).param("type", image.contentType()).param("width", image.width())
                .param("height", image.height()).param("data", image.data()).param("now", OffsetDateTime.now(clock))
                .query(Long.class).single();
    }

    /** "Fairer Kaffee für's Rathaus" → "fairer-kaffee-fuer-s-rathaus", made unique with -2, -3 … */
    private String uniqueSlug(String title) {
        String base = Normalizer.normalize(title.toLowerCase(Locale.GERMAN)
                        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-$", "");
        }
        if (base.isEmpty()) {
            base = "nachricht";
        }
        String slug = base;
        for (int n = 2; jdbc.sql("SELECT EXISTS (SELECT 1 FROM news WHERE slug = :slug)").param("slug", slug)
                .query(Boolean.class).single(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
