package de.stadtportal.news.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import de.stadtportal.news.NewsTopic;
import de.stadtportal.news.domain.NewsData;
import de.stadtportal.news.domain.NewsItem;
import de.stadtportal.platform.PlainInput;
import de.stadtportal.platform.PlatformConfiguration;
import de.stadtportal.platform.web.EdgeInputFilter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff's news form: typed fields, the publish time as date and time in the city's time zone.
 * Title and teaser are plain text, the bodies Markdown; English fields are optional.
 */
record NewsForm(
        @NotBlank(message = "{platform.validation.required}") @Size(max = 200, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String title,
        @Size(max = 200, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String titleEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 600, message = "{platform.validation.tooLong}") @PlainInput String teaser,
        @Size(max = 600, message = "{platform.validation.tooLong}") @PlainInput String teaserEn,
        @NotBlank(message = "{platform.validation.required}") @Size(max = 20000, message = "{platform.validation.tooLong}") @PlainInput String body,
        @Size(max = 20000, message = "{platform.validation.tooLong}") @PlainInput String bodyEn,
        List<NewsTopic> topics,
        @NotBlank(message = "{platform.validation.required}")
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "{news.admin.dateFormat}") String publishDate,
        @NotBlank(message = "{platform.validation.required}")
        @Pattern(regexp = "\\d{2}:\\d{2}(:\\d{2})?", message = "{news.admin.timeFormat}") String publishTime,
        Long version,
        MultipartFile image,
        @Size(max = 200, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String imageAlt,
        @Size(max = 200, message = "{platform.validation.tooLong}")
        @Pattern(regexp = EdgeInputFilter.SINGLE_LINE, message = "{platform.validation.singleLine}") @PlainInput String imageAltEn,
        Boolean removeImage) {

    static NewsForm empty(ZonedDateTime now) {
        ZonedDateTime minute = now.truncatedTo(ChronoUnit.MINUTES);
        return new NewsForm(null, null, null, null, null, null, List.of(), minute.toLocalDate().toString(),
                minute.toLocalTime().toString(), null, null, null, null, null);
    }

    static NewsForm of(NewsItem item) {
        NewsData d = item.data();
        ZonedDateTime at = d.publishAt().truncatedTo(ChronoUnit.MINUTES);
        return new NewsForm(d.title(), d.titleEn(), d.teaser(), d.teaserEn(), d.body(), d.bodyEn(), d.topics(),
                at.toLocalDate().toString(), at.toLocalTime().toString(), item.version(), null, d.imageAlt(), d.imageAltEn(), null);
    }

    NewsForm withVersion(long current) {
        return new NewsForm(title, titleEn, teaser, teaserEn, body, bodyEn, topics, publishDate, publishTime, current, image,
                imageAlt, imageAltEn, removeImage);
    }

    /** The checks a single field's annotation cannot make: a real date and time, in a sensible range. */
    void check(BindingResult result) {
        if (!result.hasFieldErrors("publishDate") && publishDate != null) {
            try {
                int year = LocalDate.parse(publishDate).getYear();
                if (year < 2000 || year > 2100) {
                    result.rejectValue("publishDate", "news.admin.dateRange");
                }
            } catch (DateTimeException e) {
                result.rejectValue("publishDate", "news.admin.dateFormat");
            }
        }
        if (!result.hasFieldErrors("publishTime") && publishTime != null) {
            try {
                LocalTime.parse(publishTime);
            } catch (DateTimeException e) {
                result.rejectValue("publishTime", "news.admin.timeFormat");
            }
        }
    }

    /** Whether a file was chosen. */
    boolean uploads() {
        return image != null && !image.isEmpty();
    }

    boolean removes() {
        return Boolean.TRUE.equals(removeImage);
    }

    /** Only after {@link #check} found no errors. */
    NewsData data() {
        return data(null);
    }

    /** @param keptImage the item's image that stays (null: none, or a new upload replaces it) */
    NewsData data(Long keptImage) {
        ZonedDateTime at = LocalDate.parse(publishDate).atTime(LocalTime.parse(publishTime)).atZone(PlatformConfiguration.CITY_ZONE);
        return new NewsData(title, titleEn, teaser, teaserEn, normalise(body), normalise(bodyEn), topics, at, keptImage, imageAlt, imageAltEn);
    }

    private static String normalise(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
