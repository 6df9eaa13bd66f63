/**
 * PostgreSQL's text matching in Java, bit for bit: pg_trgm's {@code word_similarity} and {@code <%}
 * ({@link de.stadtportal.platform.text.TrigramSimilarity}) and {@code ts_rank} for an AND of lexemes
 * ({@link de.stadtportal.platform.text.TextRank}), so that an in-memory matcher orders results exactly as
 * the database would.
 */
package de.stadtportal.platform.text;
