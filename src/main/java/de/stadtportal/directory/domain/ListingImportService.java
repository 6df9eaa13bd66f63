package de.stadtportal.directory.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.stadtportal.directory.BusinessAttribute;
import de.stadtportal.directory.DirectoryApi.Option;
import de.stadtportal.directory.domain.Listings.ListingEdit;
import de.stadtportal.platform.Csv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV import of existing listings (e.g. the city's old business list) and CSV export of all
 * listings, in the same columns so an export can be edited and imported again. An import is
 * checked line by line first; it writes only when every line is valid, so nothing is half done.
 */
@Service
@Transactional
public class ListingImportService {

    /** One yes/no column per attribute, named by its URL key ({@code gutschein}, {@code wlan}, …). */
    private static final List<BusinessAttribute> FLAGS = List.of(BusinessAttribute.values());
    public static final List<String> COLUMNS = Stream.of(
            Stream.of("name", "branche", "strasse", "plz", "stadtteil", "telefon", "email", "website", "beschreibung",
                    "stichwoerter"),
            FLAGS.stream().map(BusinessAttribute::key),
            Stream.of("breitengrad", "laengengrad")).flatMap(s -> s).toList();
    private static final List<String> REQUIRED = List.of("name", "branche", "strasse", "plz");
    public static final int MAX_LINES = 5000;
    /** The largest list accepted, as for images (the server itself reads more, see spring.servlet.multipart). */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final NamedParameterJdbcTemplate jdbc;
    private final ListingRegistration registration;

    ListingImportService(NamedParameterJdbcTemplate jdbc, ListingRegistration registration) {
        this.jdbc = jdbc;
        this.registration = registration;
    }

    /**
     * Checks every line and, unless {@code dryRun} or a line has errors, creates the listings
     * (published, without an owner: staff can then send claim invitations).
     */
    public ImportResult importCsv(byte[] file, boolean dryRun) {
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String text = decode(file);
        char delimiter = firstLine(text).contains(";") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).get();
        List<Option> categories = options("category");
        List<Option> districts = options("district");
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                return new ImportResult(0, List.of(new LineError(1, "directory.import.missingColumns", String.join(", ", missing))), false);
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (rows.size() + errors.size() >= MAX_LINES) {
                    errors.add(new LineError(line, "directory.import.tooManyLines", String.valueOf(MAX_LINES)));
                    break;
                }
                Row row = check(record, line, categories, districts, errors);
                if (row != null) {
                    String key = row.edit().name().toLowerCase(Locale.GERMAN) + "|" + row.edit().postalCode() + "|"
                            + row.edit().street().toLowerCase(Locale.GERMAN);
                    if (!seen.add(key)) {
                        errors.add(new LineError(line, "directory.import.duplicateInFile", row.edit().name()));
                    } else if (exists(row.edit())) {
                        errors.add(new LineError(line, "directory.import.exists", row.edit().name()));
                    } else {
                        rows.add(row);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // broken quoting and the like: the parser cannot go on
            return new ImportResult(0, List.of(new LineError(0, "directory.import.unreadable", "")), false);
        }
        if (dryRun || !errors.isEmpty()) {
            return new ImportResult(rows.size(), errors, false);
        }
        for (Row row : rows) {
            long id = registration.createByStaff(row.edit());
            if (row.latitude() != null) {
                jdbc.update("UPDATE business SET latitude = :lat, longitude = :lon WHERE id = :id",
                        new MapSqlParameterSource("id", id).addValue("lat", row.latitude()).addValue("lon", row.longitude()));
            }
        }
        return new ImportResult(rows.size(), errors, true);
    }

    /** Every listing of any status, in the import's columns plus status and address of the public page. */
    @Transactional(readOnly = true)
    public void exportCsv(Writer out) throws IOException {
        List<String> header = new ArrayList<>(COLUMNS);
        header.add("status");
        header.add("slug");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setHeader(header.toArray(String[]::new)).get())) {
            jdbc.query("""
                    SELECT b.*, c.name AS category_name, d.name AS district_name FROM business b
                    JOIN category c ON c.id = b.category_id LEFT JOIN district d ON d.id = b.district_id
                    ORDER BY b.name, b.id""", Map.of(), rs -> {
                try {
                    // Arrays.asList: the columns may be null
                    List<Object> row = new ArrayList<>(Arrays.asList(rs.getString("name"), rs.getString("category_name"),
                            rs.getString("street"), rs.getString("postal_code"), rs.getString("district_name"),
                            rs.getString("phone"), rs.getString("email"), rs.getString("website"),
                            rs.getString("description"), rs.getString("tags")));
                    for (BusinessAttribute attribute : FLAGS) {
                        row.add(yesNo(rs.getBoolean(attribute.column())));
                    }
                    row.addAll(Arrays.asList(rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                            rs.getString("status"), rs.getString("slug")));
                    printer.printRecord(Csv.cells(row.toArray()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private Row check(CSVRecord record, long line, List<Option> categories, List<Option> districts, List<LineError> errors) {
        int before = errors.size();
        String name = value(record, "name");
        String street = value(record, "strasse");
        String postalCode = value(record, "plz");
        String description = value(record, "beschreibung");
        String tags = value(record, "stichwoerter");
        String phone = value(record, "telefon");
        String email = value(record, "email");
        String website = value(record, "website");
        require(name.isEmpty(), line, "directory.import.nameMissing", "", errors);
        require(name.length() > 160, line, "directory.import.tooLong", "name", errors);
        require(street.isEmpty(), line, "directory.import.streetMissing", "", errors);
        require(street.length() > 160, line, "directory.import.tooLong", "strasse", errors);
        require(!postalCode.matches("\\d{5}"), line, "directory.import.postalCode", postalCode, errors);
        require(description.length() > 2000, line, "directory.import.tooLong", "beschreibung", errors);
        require(tags.length() > 500, line, "directory.import.tooLong", "stichwoerter", errors);
        require(!phone.matches("[0-9 +()/-]{0,40}"), line, "directory.import.phone", phone, errors);
        require(!email.isEmpty() && (email.length() > 320 || !EMAIL.matcher(email).matches()), line, "directory.import.email", email, errors);
        require(!website.isEmpty() && (website.length() > 300 || !website.matches("https?://\\S+")), line, "directory.import.website",
                website, errors);
        String category = match(value(record, "branche"), categories);
        require(category == null, line, "directory.import.category", value(record, "branche"), errors);
        String districtText = value(record, "stadtteil");
        String district = districtText.isEmpty() ? null : match(districtText, districts);
        require(!districtText.isEmpty() && district == null, line, "directory.import.district", districtText, errors);
        boolean[] flags = new boolean[FLAGS.size()];
        for (int i = 0; i < FLAGS.size(); i++) {
            String flag = value(record, FLAGS.get(i).key()).toLowerCase(Locale.GERMAN);
            flags[i] = Set.of("ja", "j", "x", "1", "true", "yes").contains(flag);
            require(!flags[i] && !Set.of("", "nein", "n", "0", "false", "no").contains(flag), line, "directory.import.flag",
                    FLAGS.get(i).key() + " = " + flag, errors);
        }
        BigDecimal latitude = coordinate(value(record, "breitengrad"), 90, line, errors);
        BigDecimal longitude = coordinate(value(record, "laengengrad"), 180, line, errors);
        require((latitude == null) != (longitude == null), line, "directory.import.coordinates", "", errors);
        if (errors.size() > before) {
            return null;
        }
        return new Row(new ListingEdit(name, category, district, description, tags, street, postalCode, phone, email,
                website, flags[0], flags[1], flags[2], flags[3], flags[4], flags[5], flags[6], latitude, longitude, 0),
                latitude, longitude);
    }

    private static BigDecimal coordinate(String text, int limit, long line, List<LineError> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.replace(',', '.'));
            if (value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                errors.add(new LineError(line, "directory.import.coordinates", text));
                return null;
            }
            return value.setScale(6, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            errors.add(new LineError(line, "directory.import.coordinates", text));
            return null;
        }
    }

    private static void require(boolean failed, long line, String key, String detail, List<LineError> errors) {
        if (failed) {
            errors.add(new LineError(line, key, detail));
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? Csv.uncell(record.get(column).strip()) : "";
    }

    /** An entry by its name or slug, ignoring case. */
    private static String match(String text, List<Option> options) {
        return options.stream().filter(o -> o.slug().equalsIgnoreCase(text) || o.name().equalsIgnoreCase(text))
                .map(Option::slug).findFirst().orElse(null);
    }

    private List<Option> options(String table) {
        return jdbc.query("SELECT slug, name FROM " + table, Map.of(), (rs, i) -> new Option(rs.getString("slug"), rs.getString("name")));
    }

    private boolean exists(ListingEdit edit) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM business WHERE postal_code = :plz AND name_folded = portal_fold(:name)
                               AND portal_fold(street) = portal_fold(:street) AND status <> 'ARCHIVED')""",
                new MapSqlParameterSource("plz", edit.postalCode()).addValue("name", edit.name())
                        .addValue("street", edit.street()), Boolean.class));
    }

    /** UTF-8 (with or without byte order mark); otherwise Windows-1252, as older Excel versions save CSV. */
    static String decode(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(file, Charset.forName("windows-1252"));
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String yesNo(boolean value) {
        return value ? "ja" : "nein";
    }

    private record Row(ListingEdit edit, BigDecimal latitude, BigDecimal longitude) {
    }

    /** @param line the line in the file (the header is line 1); 0 when the file as a whole is broken */
    public record LineError(long line, String messageKey, String detail) {
    }

    /** @param valid how many lines are (or were) importable; {@code imported}: whether they were written */
    public record ImportResult(int valid, List<LineError> errors, boolean imported) {
    }
}
