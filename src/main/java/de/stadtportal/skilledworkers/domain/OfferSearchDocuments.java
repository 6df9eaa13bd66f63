package de.stadtportal.skilledworkers.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.stadtportal.search.DocumentsPerLanguage;
import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Published, unexpired offers for refugees (apprenticeships, jobs, internships) in the portal-wide search. */
@Component
@Transactional(readOnly = true)
class OfferSearchDocuments implements SearchableSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    OfferSearchDocuments(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "offer";
    }

    @Override
    public String labelKey() {
        return "skilledworkers.search.kind";
    }

    @Override
    public List<SearchableDocument> documents() {
        record Row(long id, String title, Plan kind, String trade, String business, String level, String description,
                   java.time.Instant updated) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT id, title, kind, trade, business_name, german_level, description, updated_at
                        FROM skilled_offer
                        WHERE status = 'PUBLISHED' AND expires_on >= :today
                        ORDER BY id""")
                .param("today", LocalDate.now(clock))
                .query((rs, row) -> new Row(rs.getLong("id"), rs.getString("title"), Plan.valueOf(rs.getString("kind")),
                        rs.getString("trade"), rs.getString("business_name"), rs.getString("german_level"),
                        rs.getString("description"), rs.getTimestamp("updated_at").toInstant()))
                .list();
        List<SearchableDocument> documents = new ArrayList<>();
        for (Row o : rows) {
            documents.addAll(DocumentsPerLanguage.of(kind(), String.valueOf(o.id()), o.title(), language -> String.join("\n",
                    messages.getMessage("skilledworkers.plan." + o.kind().name(), null, o.kind().name(), language)
                            + " · " + o.trade() + " · " + o.business() + " · "
                            + messages.getMessage("skilledworkers.search.german", new Object[] {o.level()}, o.level(), language),
                    o.description()), "/fachkraefte/angebote/" + o.id(), o.updated()));
        }
        return documents;
    }
}
