package de.stadtportal.news;

import de.stadtportal.platform.Localized;

/**
 * A news item's image as pages show it: its public address (cached for a year, an image never changes),
 * its alt text (German, and English where staff wrote one; on an English page without it the German text
 * is shown and the image marked lang="de") and its size in pixels, so the page does not jump while it loads.
 */
public record NewsImage(String url, Localized alt, int width, int height) {
}
