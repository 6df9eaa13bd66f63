package de.stadtportal.platform.images;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * The answer for a stored image. An image never changes (a new upload gets a new id), so it is cached
 * for a year as immutable, with an ETag made of its id; a matching If-None-Match gets 304.
 */
public final class ImageResponses {

    private static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private ImageResponses() {
    }

    /** @param etag the quoted ETag, e.g. {@code "bild-42"} in quotes */
    public static ResponseEntity<byte[]> immutable(String etag, String contentType, byte[] data, WebRequest request) {
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOR_A_YEAR).build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(FOR_A_YEAR)
                .contentType(MediaType.parseMediaType(contentType))
                .header("X-Content-Type-Options", "nosniff")
                .body(data);
    }
}
