package de.stadtportal.fairtrade.domain;

import java.util.ArrayList;
import java.util.List;

import de.stadtportal.search.DocumentsPerLanguage;
import de.stadtportal.search.SearchableDocument;
import de.stadtportal.search.SearchableSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The listed members of the Fairtrade network in the portal-wide search, each linked to its entry on
 * /fairtrade, in German and English (the kind is named in the language, the name and actions as entered).
 */
@Component
@Transactional(readOnly = true)
class FairtradeSearchDocuments implements SearchableSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    FairtradeSearchDocuments(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return "fairtrade";
    }

    @Override
    public String labelKey() {
        return "fairtrade.search.kind";
    }

    @Override
    public List<SearchableDocument> documents() {
        record Member(long id, String name, MemberKind kind, String description, String actions, java.time.Instant created) {
        }
        List<Member> members = jdbc.sql("""
                        SELECT m.id, m.name, m.kind, m.description, m.created_at,
                               (SELECT string_agg(a.title, E'\\n' ORDER BY a.held_on DESC)
                                FROM fairtrade_action a WHERE a.member_id = m.id) AS actions
                        FROM fairtrade_member m
                        WHERE m.listed
                        ORDER BY m.name""")
                .query((rs, row) -> new Member(rs.getLong("id"), rs.getString("name"), MemberKind.valueOf(rs.getString("kind")),
                        rs.getString("description"), rs.getString("actions"), rs.getTimestamp("created_at").toInstant()))
                .list();
        List<SearchableDocument> documents = new ArrayList<>();
        for (Member m : members) {
            documents.addAll(DocumentsPerLanguage.of(kind(), String.valueOf(m.id()), m.name(), language -> String.join("\n",
                    messages.getMessage(m.kind().label(), null, m.kind().name(), language) + " – "
                            + messages.getMessage("fairtrade.search.network", null, "Fairtrade", language),
                    m.description() == null ? "" : m.description(), m.actions() == null ? "" : m.actions()),
                    "/fairtrade#member-" + m.id(), m.created()));
        }
        return documents;
    }
}
