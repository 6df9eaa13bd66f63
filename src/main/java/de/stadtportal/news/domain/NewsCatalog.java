package de.stadtportal.news.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import de.stadtportal.news.NewsImage;
import de.stadtportal.news.NewsTeaser;
import de.stadtportal.news.NewsTopic;
import de.stadtportal.platform.Localized;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.images.ImageProcessor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading news: what visitors see (only items whose publish time has passed, by the injected clock) and
 * every item for staff. All SQL that reads the table is here.
 */
@Service
@Transactional(readOnly = true)
public class NewsCatalog {

    public static final int PAGE_SIZE = 10;

    private final JdbcClient jdbc;
    private final Clock clock;

    NewsCatalog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The newest published items, of one topic or (null) of all. */
    public List<NewsTeaser> latest(NewsTopic topic, int n) {
        return published(topic, 0, n).stream().map(NewsItem::teaserView).toList();
    }

    /** One page of the published items, newest first. */
    public Page page(NewsTopic topic, int page) {
        long total = jdbc.sql("SELECT count(*) FROM news WHERE publish_at <= :now AND (CAST(:topic AS VARCHAR) IS NULL OR :topic = ANY (topics))")
                .param("now", nowParam()).param("topic", topic == null ? null : topic.name(), java.sql.Types.VARCHAR)
                .query(Long.class).single();
        List<NewsTeaser> items = published(topic, (long) page * PAGE_SIZE, PAGE_SIZE).stream().map(NewsItem::teaserView).toList();
        return new Page(items, page, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** The items of the Atom feed: the newest published, with their bodies. */
    public List<NewsItem> feed(int n) {
        return published(null, 0, n);
    }

    /** A published item by its address; empty before its publish time. */
    public Optional<NewsItem> published(String slug) {
        return jdbc.sql(SELECT + " WHERE n.slug = :slug AND n.publish_at <= :now")
                .param("slug", slug).param("now", nowParam()).query(ITEM).optional();
    }

    /** Every item, also those still to be published, for staff: scheduled ones first, then the newest. */
    public List<NewsItem> all() {
        return jdbc.sql(SELECT + " ORDER BY n.publish_at DESC, n.id DESC").query(ITEM).list();
    }

    public Optional<NewsItem> find(long id) {
        return jdbc.sql(SELECT + " WHERE n.id = :id").param("id", id).query(ITEM).optional();
    }

    public Instant now() {
        return Instant.now(clock);
    }

    private List<NewsItem> published(NewsTopic topic, long offset, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE n.publish_at <= :now AND (CAST(:topic AS VARCHAR) IS NULL OR :topic = ANY (n.topics))
                        ORDER BY n.publish_at DESC, n.id DESC OFFSET :offset LIMIT :limit""")
                .param("now", nowParam())
                .param("topic", topic == null ? null : topic.name(), java.sql.Types.VARCHAR)
                .param("offset", offset).param("limit", limit).query(ITEM).list();
    }

    private OffsetDateTime nowParam() {
        return OffsetDateTime.ofInstant(now(), clock.getZone());
    }

    /** An item with its image's type and size (not its bytes); conditions name the item's columns with n. */
    static final String SELECT = "SELECT n.*, i.content_type AS image_type, i.width AS image_width, i.height AS image_height"
            + " FROM news n LEFT JOIN news_image i ON i.id = n.image_id";

    static final RowMapper<NewsItem> ITEM = NewsCatalog::item;

    /** One image of a published item, for everybody (also an earlier image of it: its address never changes). */
    public Optional<ImageData> publishedImage(String slug, long imageId) {
        return jdbc.sql("""
                        SELECT i.data, i.content_type FROM news_image i JOIN news n ON n.id = i.news_id
                        WHERE i.id = :image AND n.slug = :slug AND n.publish_at <= :now""")
                .param("image", imageId).param("slug", slug).param("now", nowParam())
                .query((rs, row) -> new ImageData(rs.getBytes("data"), rs.getString("content_type"))).optional();
    }

    /** One image of an item whatever its publish time (the staff's form shows it). */
    public Optional<ImageData> image(long newsId, long imageId) {
        return jdbc.sql("SELECT data, content_type FROM news_image WHERE id = :image AND news_id = :id")
                .param("image", imageId).param("id", newsId)
                .query((rs, row) -> new ImageData(rs.getBytes("data"), rs.getString("content_type"))).optional();
    }

    public record ImageData(byte[] data, String contentType) {

        public String extension() {
            return ImageProcessor.extension(contentType);
        }
    }

    private static NewsItem item(ResultSet rs, int row) throws SQLException {
        List<NewsTopic> topics = Arrays.stream((String[]) rs.getArray("topics").getArray()).map(NewsTopic::valueOf).toList();
        long imageId = rs.getLong("image_id");
        Long image = rs.wasNull() ? null : imageId;
        NewsData data = new NewsData(rs.getString("title"), rs.getString("title_en"), rs.getString("teaser"),
                rs.getString("teaser_en"), rs.getString("body"), rs.getString("body_en"), topics,
                PlatformConfiguration.cityTime(rs, "publish_at"), image, rs.getString("image_alt"), rs.getString("image_alt_en"));
        return new NewsItem(rs.getLong("id"), rs.getString("slug"), data, rs.getString("body_html"), rs.getString("body_en_html"),
                rs.getBoolean("example"), rs.getLong("version"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                image(rs));
    }

    private static NewsImage image(ResultSet rs) throws SQLException {
        long id = rs.getLong("image_id");
        String type = rs.getString("image_type");
        if (rs.wasNull() || type == null) {
            return null;
        }
        return new NewsImage("/aktuelles/" + rs.getString("slug") + "/bilder/" + id + "." + ImageProcessor.extension(type),
                Localized.of(rs.getString("image_alt"), rs.getString("image_alt_en")), rs.getInt("image_width"), rs.getInt("image_height"));
    }

    /** @param pages how many pages there are in all */
    public record Page(List<NewsTeaser> items, int page, int pages) {
    }
}
