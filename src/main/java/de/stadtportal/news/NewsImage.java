package de.stadtportal.news;

/**
 * A news item's image as pages show it: its public address (cached for a year, an image never changes),
 * its alt text (German, written by staff) and its size in pixels, so the page does not jump while it loads.
 */
public record NewsImage(String url, String alt, int width, int height) {
}
