package de.stadtportal.directory.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.images.ImageProcessor;
import de.stadtportal.platform.images.ImageRejectedException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A listing's logo and up to six photos. Every upload is checked and re-encoded by
 * {@link ImageProcessor}; the bytes live in PostgreSQL. An image never changes: a replaced image
 * gets a new id, so its public URL can be cached for a year.
 */
@Service
@Transactional
public class BusinessImageService {

    public static final int MAX_PHOTOS = 6;
    public static final long MAX_BYTES = ImageProcessor.MAX_BYTES;
    public static final int MAX_ALT = 200;
    static final int PHOTO_SIDE = 1600;
    static final int LOGO_SIDE = 400;
    /** Twice the size the results show it (64 CSS pixels), sharp on high-density screens. */
    public static final int THUMBNAIL_SIDE = 128;

    public enum Kind { LOGO, PHOTO }

    /** @param extension "jpg" or "png", part of the image's URL */
    public record StoredImage(long id, Kind kind, String altText, int width, int height, String extension) {
    }

    public record ImageData(long id, byte[] data, String contentType) {

        public String extension() {
            return "image/png".equals(contentType) ? "png" : "jpg";
        }
    }

    private static final String COLUMNS = "i.id, i.kind, i.alt_text, i.width, i.height, i.content_type";
    private static final String ORDER = " ORDER BY i.kind, i.position, i.id";

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    BusinessImageService(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** All images of a listing, whatever its status (for its owner and staff). */
    @Transactional(readOnly = true)
    public List<StoredImage> of(long businessId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM business_image i WHERE i.business_id = :id" + ORDER,
                Map.of("id", businessId), (rs, n) -> stored(rs));
    }

    /** The images shown on a published listing's page; none for any other. */
    @Transactional(readOnly = true)
    public List<StoredImage> published(String slug) {
        return jdbc.query("SELECT " + COLUMNS + " FROM business_image i JOIN business b ON b.id = i.business_id"
                        + " WHERE b.slug = :slug AND b.status = 'PUBLISHED'" + ORDER,
                Map.of("slug", slug), (rs, n) -> stored(rs));
    }

    /** One image of a published listing, for everybody. */
    @Transactional(readOnly = true)
    public Optional<ImageData> publishedImage(String slug, long imageId) {
        return jdbc.query("""
                SELECT i.id, i.data, i.content_type FROM business_image i JOIN business b ON b.id = i.business_id
                WHERE i.id = :image AND b.slug = :slug AND b.status = 'PUBLISHED'""",
                Map.of("image", imageId, "slug", slug), (rs, n) -> data(rs)).stream().findFirst();
    }

    /**
     * The thumbnail of one image of a published listing: made from the image on the first request
     * and kept, so the results page costs one small read per business afterwards.
     */
    public Optional<ImageData> publishedThumbnail(String slug, long imageId) {
        record Row(byte[] thumbnail, byte[] data, String contentType) {
        }
        return jdbc.query("""
                SELECT i.thumbnail, CASE WHEN i.thumbnail IS NULL THEN i.data END AS data, i.content_type
                FROM business_image i JOIN business b ON b.id = i.business_id
                WHERE i.id = :image AND b.slug = :slug AND b.status = 'PUBLISHED'""",
                Map.of("image", imageId, "slug", slug),
                (rs, n) -> new Row(rs.getBytes("thumbnail"), rs.getBytes("data"), rs.getString("content_type")))
                .stream().findFirst().map(row -> {
                    if (row.thumbnail() != null) {
                        return new ImageData(imageId, row.thumbnail(), row.contentType());
                    }
                    boolean png = "image/png".equals(row.contentType());
                    byte[] small = ImageProcessor.process(row.data(), THUMBNAIL_SIDE, png).data();
                    jdbc.update("UPDATE business_image SET thumbnail = :thumbnail WHERE id = :image",
                            new MapSqlParameterSource("thumbnail", small).addValue("image", imageId));
                    return new ImageData(imageId, small, row.contentType());
                });
    }

    /** One image of a listing whatever its status (preview for its owner and staff). */
    @Transactional(readOnly = true)
    public Optional<ImageData> image(long businessId, long imageId) {
        return jdbc.query("SELECT i.id, i.data, i.content_type FROM business_image i WHERE i.id = :image AND i.business_id = :id",
                Map.of("image", imageId, "id", businessId), (rs, n) -> data(rs)).stream().findFirst();
    }

    /**
     * Adds a photo, or sets the logo (a logo there already is replaced).
     *
     * @throws ImageRejectedException for a file that is no usable image, or a seventh photo
     */
    public StoredImage add(long businessId, Kind kind, byte[] bytes, String altText) {
        lock(businessId);
        int position = 0;
        if (kind == Kind.PHOTO) {
            Integer photos = jdbc.queryForObject("SELECT count(*) FROM business_image WHERE business_id = :id AND kind = 'PHOTO'",
                    Map.of("id", businessId), Integer.class);
            if (photos != null && photos >= MAX_PHOTOS) {
                throw new ImageRejectedException("file", "directory.images.error.tooMany");
            }
            position = jdbc.queryForObject("SELECT coalesce(max(position), 0) + 1 FROM business_image"
                    + " WHERE business_id = :id AND kind = 'PHOTO'", Map.of("id", businessId), Integer.class);
        }
        ImageProcessor.Processed processed = process(kind, bytes);
        if (kind == Kind.LOGO) {
            jdbc.update("DELETE FROM business_image WHERE business_id = :id AND kind = 'LOGO'", Map.of("id", businessId));
        }
        StoredImage image = insert(businessId, kind, position, altText, processed);
        auditLog.record(Listings.ENTITY, businessId, "IMAGE_ADDED", Map.of(), fields(image));
        return image;
    }

    /**
     * Changes an image's alt text and, with new bytes, the image itself (which gets a new id).
     *
     * @param bytes null or empty to keep the picture
     * @return empty when the listing has no such image
     */
    public Optional<StoredImage> replace(long businessId, long imageId, byte[] bytes, String altText) {
        lock(businessId);
        Optional<StoredImage> before = of(businessId).stream().filter(i -> i.id() == imageId).findFirst();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        StoredImage after;
        if (bytes == null || bytes.length == 0) {
            jdbc.update("UPDATE business_image SET alt_text = :alt WHERE id = :image",
                    Map.of("alt", altText.strip(), "image", imageId));
            after = new StoredImage(imageId, before.get().kind(), altText.strip(), before.get().width(),
                    before.get().height(), before.get().extension());
        } else {
            ImageProcessor.Processed processed = process(before.get().kind(), bytes);
            Integer position = jdbc.queryForObject("SELECT position FROM business_image WHERE id = :image",
                    Map.of("image", imageId), Integer.class);
            jdbc.update("DELETE FROM business_image WHERE id = :image", Map.of("image", imageId));
            after = insert(businessId, before.get().kind(), position, altText, processed);
        }
        auditLog.record(Listings.ENTITY, businessId, "IMAGE_CHANGED", fields(before.get()), fields(after));
        return Optional.of(after);
    }

    /** @return false when the listing has no such image */
    public boolean delete(long businessId, long imageId) {
        Optional<StoredImage> before = of(businessId).stream().filter(i -> i.id() == imageId).findFirst();
        if (before.isEmpty()) {
            return false;
        }
        jdbc.update("DELETE FROM business_image WHERE id = :image AND business_id = :id",
                Map.of("image", imageId, "id", businessId));
        auditLog.record(Listings.ENTITY, businessId, "IMAGE_DELETED", fields(before.get()), Map.of());
        return true;
    }

    /** Uploads to one listing one after the other: the photo count cannot be passed by two at once. */
    private void lock(long businessId) {
        jdbc.query("SELECT id FROM business WHERE id = :id FOR UPDATE", Map.of("id", businessId), rs -> null);
    }

    private static ImageProcessor.Processed process(Kind kind, byte[] bytes) {
        return kind == Kind.LOGO
                ? ImageProcessor.process(bytes, LOGO_SIDE, true)
                : ImageProcessor.process(bytes, PHOTO_SIDE, false);
    }

    private StoredImage insert(long businessId, Kind kind, int position, String altText, ImageProcessor.Processed processed) {
        Long id = jdbc.queryForObject("""
                INSERT INTO business_image (business_id, kind, position, alt_text, content_type, width, height, data)
                VALUES (:business, :kind, :position, :alt, :type, :width, :height, :data) RETURNING id""",
                new MapSqlParameterSource().addValue("business", businessId).addValue("kind", kind.name())
                        .addValue("position", position).addValue("alt", altText.strip())
                        .addValue("type", processed.contentType()).addValue("width", processed.width())
                        .addValue("height", processed.height()).addValue("data", processed.data()), Long.class);
        return new StoredImage(id, kind, altText.strip(), processed.width(), processed.height(),
                "image/png".equals(processed.contentType()) ? "png" : "jpg");
    }

    private static Map<String, Object> fields(StoredImage image) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("image", image.id());
        fields.put("kind", image.kind().name());
        fields.put("altText", image.altText());
        return fields;
    }

    private static StoredImage stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredImage(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("alt_text"),
                rs.getInt("width"), rs.getInt("height"), "image/png".equals(rs.getString("content_type")) ? "png" : "jpg");
    }

    private static ImageData data(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ImageData(rs.getLong("id"), rs.getBytes("data"), rs.getString("content_type"));
    }
}
