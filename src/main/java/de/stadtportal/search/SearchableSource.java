package de.stadtportal.search;

import java.util.List;

/**
 * How a module joins the portal-wide search: one bean implementing this, in the module itself.
 * The search reads {@link #documents()} when the portal starts and every few minutes replaces the
 * documents of this kind when they changed (compared by {@link #version()} when the module has a
 * cheap data version, else by their content). For changes that should be findable at once the
 * module may also publish {@link SearchableDocumentChanged} / {@link SearchableDocumentRemoved}.
 */
public interface SearchableSource {

    /** The kind of every document of this source, a lower-case word ("business"); unique per source. */
    String kind();

    /** The message key naming this kind on the search page, in the module's own bundle (plural). */
    String labelKey();

    /** Every public document of this kind, in every language it has (German at least). */
    List<SearchableDocument> documents();

    /** A number that changes whenever the documents may have changed; negative: compare the content instead. */
    default long version() {
        return -1;
    }
}
