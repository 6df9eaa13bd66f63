package de.stadtportal.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import de.stadtportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Java ports give PostgreSQL's float4 results bit for bit: thousands of generated names, typos and documents,
 * each compared with the real function's value.
 */
@PortalTest
class TextFunctionsAgainstPostgresTest {

    private static final String[] TRADES = {"backerei", "metzgerei", "friseur", "apotheke", "blumen", "autohaus",
            "reiseburo", "gaststatte", "kiosk", "optiker", "schuhhaus", "elektro", "sanitar", "dachdecker",
            "malerbetrieb", "zahnarzt", "physiotherapie", "fahrschule", "steuerberatung", "versicherung", "immobilien",
            "computer", "handy", "getranke", "pizzeria", "doner", "cafe", "eiscafe", "buchhandlung", "schlusseldienst",
            "textilreinigung", "tischlerei", "schreinerei", "gartenbau", "fliesen", "heizung", "kfz", "werkstatt",
            "fitness", "yoga", "tattoo", "nagelstudio", "kosmetik", "baeckerei", "konditorei", "brot", "markt"};
    private static final String[] NAMES = {"schmidt", "muller", "meyer", "schulz", "schneider", "hoffmann", "becker",
            "wagner", "fischer", "weber", "koch", "richter", "klein", "wolf", "neumann", "schwarz", "zimmermann",
            "braun", "kruger", "hartmann", "lange", "werner", "krause", "lehmann", "kowalski", "yilmaz", "ozdemir",
            "nowak", "bottrop", "kirchhellen", "grafenwald", "eigen", "boy", "fuhlenbrock", "welheim", "batenbrock"};
    private static final String[] EXTRAS = {"&", "und", "sohn", "sohne", "gmbh", "e.k.", "ohg", "co. kg", "inh.",
            "12", "24/7", "2000", "1a", "am", "markt", "an", "der", "-", "\"am", "eck\"", "(neu)", "no.1", "a", "b", "x"};
    private static final String[] PROSE = {"wir", "bieten", "frische", "brotchen", "jeden", "morgen", "und", "kuchen",
            "aus", "eigener", "herstellung", "seit", "jahren", "in", "der", "innenstadt", "mit", "liebe", "gebacken",
            "beratung", "service", "qualitat", "kunden", "freundlich", "termine", "nach", "vereinbarung", "offnungszeiten",
            "montag", "bis", "samstag", "parkplatze", "vorhanden", "lieferung", "bestellung", "online", "telefon"};

    @Autowired
    DataSource dataSource;

    private final Random random = new Random(20240611);

    @Test
    void wordSimilarityEqualsPostgres() throws SQLException {
        List<String> queries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        pairs(queries, texts, 4000);
        float[] expected = new float[queries.size()];
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT word_similarity(q, t) FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS x(q, t, n) ORDER BY n")) {
            statement.setArray(1, connection.createArrayOf("text", queries.toArray()));
            statement.setArray(2, connection.createArrayOf("text", texts.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    expected[i] = rows.getFloat(1);
                }
            }
        }
        TrigramSimilarity similarity = new TrigramSimilarity();
        int positive = 0;
        for (int i = 0; i < queries.size(); i++) {
            QueryTrigrams query = QueryTrigrams.of(queries.get(i));
            float actual = similarity.wordSimilarity(query, Trigrams.of(texts.get(i)));
            assertThat(Float.floatToIntBits(actual)).as("word_similarity('%s', '%s'): %s, Java %s", queries.get(i),
                    texts.get(i), expected[i], actual).isEqualTo(Float.floatToIntBits(expected[i]));
            if (actual > 0 && actual < 1) {
                positive++;
            }
        }
        // the generated pairs cover the interesting range, not only 0 and 1
        assertThat(positive).isGreaterThan(queries.size() / 3);
    }

    @Test
    void similarEqualsTheOperatorAtEachThreshold() throws SQLException {
        List<String> queries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        pairs(queries, texts, 2000);
        TrigramSimilarity similarity = new TrigramSimilarity();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (String threshold : List.of("0", "0.3", "0.5", "0.6", "0.75", "0.8", "1")) {
                    try (PreparedStatement set = connection.prepareStatement(
                            "SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)")) {
                        set.setString(1, threshold);
                        set.executeQuery().close();
                    }
                    try (PreparedStatement statement = connection.prepareStatement(
                            "SELECT q <% t FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS x(q, t, n) ORDER BY n")) {
                        statement.setArray(1, connection.createArrayOf("text", queries.toArray()));
                        statement.setArray(2, connection.createArrayOf("text", texts.toArray()));
                        try (ResultSet rows = statement.executeQuery()) {
                            for (int i = 0; rows.next(); i++) {
                                boolean actual = similarity.similar(QueryTrigrams.of(queries.get(i)),
                                        Trigrams.of(texts.get(i)), Double.parseDouble(threshold));
                                assertThat(actual).as("'%s' <%% '%s' at %s", queries.get(i), texts.get(i), threshold)
                                        .isEqualTo(rows.getBoolean(1));
                            }
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void trigramsAreThoseOfShowTrgm() throws SQLException {
        List<String> texts = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        pairs(texts, ignored, 500);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT show_trgm(t) FROM unnest(?::text[]) WITH ORDINALITY AS x(t, n) ORDER BY n")) {
            statement.setArray(1, connection.createArrayOf("text", texts.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    String[] shown = (String[]) rows.getArray(1).getArray();
                    List<String> expected = new ArrayList<>(List.of(shown));
                    List<String> actual = new ArrayList<>();
                    for (long trigram : Trigrams.unique(Trigrams.of(texts.get(i)))) {
                        actual.add(Trigrams.toString(trigram));
                    }
                    assertThat(actual).as(texts.get(i)).containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        }
    }

    @Test
    void tsRankEqualsPostgres() throws SQLException {
        int count = 3000;
        List<String> as = new ArrayList<>();
        List<String> bs = new ArrayList<>();
        List<String> cs = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = name();
            as.add(name);
            bs.add(random.nextInt(3) == 0 ? "" : phrase(TRADES, 1 + random.nextInt(3)) + " " + name());
            cs.add(description());
            queries.add(rankQuery(name));
        }
        List<String> documents = new ArrayList<>();
        List<String> queryTexts = new ArrayList<>();
        List<Float> expected = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT d::text, q::text, ts_rank(d, q), ts_rank(strip(d), q)
                     FROM (SELECT setweight(to_tsvector('german', a), 'A') || setweight(to_tsvector('german', b), 'B')
                                      || setweight(to_tsvector('german', c), 'C') AS d,
                                  plainto_tsquery('german', q) AS q, n
                           FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS x(a, b, c, q, n)) y
                     ORDER BY n""")) {
            statement.setArray(1, texts(connection, as));
            statement.setArray(2, texts(connection, bs));
            statement.setArray(3, texts(connection, cs));
            statement.setArray(4, texts(connection, queries));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    documents.add(rows.getString(1));
                    queryTexts.add(rows.getString(2));
                    expected.add(rows.getFloat(3));
                    // the stripped vector has no positions: calc_rank's POSNULL paths
                    documents.add(rows.getString(1).replaceAll(":[0-9A-D,]+", ""));
                    queryTexts.add(rows.getString(2));
                    expected.add(rows.getFloat(4));
                }
            }
        }
        int and = 0;
        for (int i = 0; i < documents.size(); i++) {
            List<String> lexemes = lexemes(queryTexts.get(i));
            float actual = TextRank.forQuery(lexemes).rank(TsVector.parse(documents.get(i)));
            assertThat(Float.floatToIntBits(actual)).as("ts_rank('%s', '%s'): %s, Java %s", documents.get(i),
                    queryTexts.get(i), expected.get(i), actual).isEqualTo(Float.floatToIntBits(expected.get(i)));
            if (TextRank.forQuery(lexemes).lexemes().size() >= 2 && actual > 1e-20f) {
                and++;
            }
        }
        assertThat(and).isGreaterThan(count / 4);
    }

    /** Every distance 1 … 120 and weight pair, and lexemes without positions beside ones with. */
    @Test
    void tsRankOfHandMadeVectorsEqualsPostgres() throws SQLException {
        List<String> documents = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        String[] weights = {"A", "B", "C", ""};
        for (int distance = 1; distance <= 120; distance++) {
            for (String first : weights) {
                for (String second : weights) {
                    documents.add("'a':1" + first + " 'b':" + (1 + distance) + second);
                    queries.add("a & b");
                }
            }
        }
        documents.addAll(List.of("'a' 'b'", "'a' 'b':3", "'a':16383 'b'", "'a':16383A 'b':5B", "'a':1,2,3 'b'",
                "'a':1A,2B,3C,4 'b':2,9A 'c':100", "'a' 'b' 'c'", "'a':1 'b':1", "'a':1,16383 'b':16383", "'a' 'c'",
                "'b':4A,7", "'a':4A,7 'x'", "'o''brien':2A 'a':1", "'a\\\\b':1 'a':2B", "'ä':1 'z':2", "'z':1 'ä':2"));
        queries.addAll(List.of("a & b", "a & b", "a & b", "a & b", "a & b", "a & b & c", "a & b & c & a", "a & b",
                "a & b", "a & b", "a & b", "a", "'o''brien' & a", "'a\\\\b' & a", "z & ä", "ä & z"));
        documents.addAll(List.of("'a':1", "'x':1", "'a':1,2,3,4,5 'b':2"));
        queries.addAll(List.of("a & a", "a & b", "b & a & b"));
        List<Float> expected = new ArrayList<>();
        List<String> vectorTexts = new ArrayList<>();
        List<String> queryTexts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT d::tsvector::text, q::tsquery::text, ts_rank(d::tsvector, q::tsquery)"
                             + " FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS x(d, q, n) ORDER BY n")) {
            statement.setArray(1, texts(connection, documents));
            statement.setArray(2, texts(connection, queries));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    vectorTexts.add(rows.getString(1));
                    queryTexts.add(rows.getString(2));
                    expected.add(rows.getFloat(3));
                }
            }
        }
        for (int i = 0; i < vectorTexts.size(); i++) {
            float actual = TextRank.forQuery(lexemes(queryTexts.get(i))).rank(TsVector.parse(vectorTexts.get(i)));
            assertThat(Float.floatToIntBits(actual)).as("ts_rank('%s', '%s'): %s, Java %s", vectorTexts.get(i),
                    queryTexts.get(i), expected.get(i), actual).isEqualTo(Float.floatToIntBits(expected.get(i)));
        }
    }

    @Test
    void parsesTsvectorOutput() {
        TsVector vector = TsVector.parse("'backerei':1A,5C 'o''brien':4 'schmidt':2A 'x':3 'y' 'a\\\\b':7B");
        assertThat(vector.lexemes()).containsExactly("a\\b", "backerei", "o'brien", "schmidt", "x", "y");
        short[] backerei = vector.positions("backerei");
        assertThat(backerei).hasSize(2);
        assertThat(TsVector.position(backerei[0])).isEqualTo(1);
        assertThat(TsVector.weight(backerei[0])).isEqualTo(3);
        assertThat(TsVector.position(backerei[1])).isEqualTo(5);
        assertThat(TsVector.weight(backerei[1])).isEqualTo(1);
        assertThat(TsVector.weight(vector.positions("x")[0])).isZero();
        assertThat(vector.positions("y")).isEmpty();
        assertThat(vector.positions("z")).isNull();
        assertThat(TsVector.parse("").size()).isZero();
    }

    private void pairs(List<String> queries, List<String> texts, int count) {
        String[] fixed = {"", " ", "-", "a", "b", "12", "x y", "backerei", "schmidt", "backerei schmidt 12", "&&",
                "BACKEREI Schmidt", "ab", "aa", "aaa", "a a a a", "schmidt schmidt", "co. kg"};
        for (String query : fixed) {
            for (String text : fixed) {
                queries.add(query);
                texts.add(text);
            }
        }
        while (queries.size() < count) {
            String text = name();
            String word = word(text);
            String query = switch (random.nextInt(8)) {
                case 0 -> typo(text);
                case 1 -> typo(word(text));
                case 2 -> word(text);
                case 3 -> word.substring(0, 1 + random.nextInt(word.length()));
                case 4 -> typo(word(text)) + " " + typo(word(text));
                case 5 -> name();
                case 6 -> typo(typo(text));
                default -> random.nextBoolean() ? pick(EXTRAS) : pick(TRADES).toUpperCase();
            };
            queries.add(query);
            texts.add(text);
        }
    }

    /** A business's folded name: trades, surnames, numbers and punctuation. */
    private String name() {
        List<String> parts = new ArrayList<>();
        int words = 1 + random.nextInt(4);
        for (int i = 0; i < words; i++) {
            parts.add(switch (random.nextInt(5)) {
                case 0, 1 -> pick(TRADES);
                case 2, 3 -> pick(NAMES);
                default -> pick(EXTRAS);
            });
        }
        String separator = random.nextInt(10) == 0 ? "-" : random.nextInt(10) == 0 ? "  " : " ";
        return String.join(separator, parts);
    }

    private String word(String text) {
        String[] words = text.split("[^a-z0-9]+");
        List<String> nonEmpty = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty()) {
                nonEmpty.add(word);
            }
        }
        return nonEmpty.isEmpty() ? "a" : nonEmpty.get(random.nextInt(nonEmpty.size()));
    }

    /** A dropped, swapped, replaced or added letter. */
    private String typo(String text) {
        if (text.length() < 2) {
            return text + "e";
        }
        int at = random.nextInt(text.length() - 1);
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
            case 2 -> text.substring(0, at) + (char) ('a' + random.nextInt(26)) + text.substring(at + 1);
            default -> text.substring(0, at) + (char) ('a' + random.nextInt(26)) + text.substring(at);
        };
    }

    /** A description: sometimes long, so that the same words lie more than 100 positions apart. */
    private String description() {
        int words = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 5 + random.nextInt(20);
            case 2 -> 50 + random.nextInt(200);
            default -> 5 + random.nextInt(60);
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(random.nextInt(6) == 0 ? pick(TRADES) : random.nextInt(8) == 0 ? pick(NAMES) : pick(PROSE))
                    .append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return text.toString();
    }

    /** One to four words, mostly from the name, sometimes words the document lacks. */
    private String rankQuery(String name) {
        int words = 1 + random.nextInt(4);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            parts.add(switch (random.nextInt(5)) {
                case 0, 1 -> word(name);
                case 2 -> pick(TRADES);
                case 3 -> pick(PROSE);
                default -> pick(NAMES);
            });
        }
        return String.join(" ", parts);
    }

    private String phrase(String[] words, int count) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(pick(words));
        }
        return String.join(" ", parts);
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    /** The lexemes of tsqueryout's text, e.g. {@code 'backer' & 'schmidt'}. */
    private static List<String> lexemes(String query) {
        List<String> lexemes = new ArrayList<>();
        Matcher matcher = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'").matcher(query);
        while (matcher.find()) {
            lexemes.add(matcher.group(1).replace("''", "'").replaceAll("\\\\(.)", "$1"));
        }
        return lexemes;
    }
}
