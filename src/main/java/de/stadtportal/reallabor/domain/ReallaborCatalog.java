package de.stadtportal.reallabor.domain;

import java.util.Map;

import de.stadtportal.platform.audit.AuditLog;
import de.stadtportal.platform.versions.DataVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actors and megatrends, shared between measures: renaming one changes it on every measure. Names
 * are unique (the database says so too); a name taken comes back as {@link NameTakenException}.
 */
@Service
@Transactional
public class ReallaborCatalog {

    private final ActorRepository actors;
    private final MegatrendRepository megatrends;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;

    ReallaborCatalog(ActorRepository actors, MegatrendRepository megatrends, AuditLog auditLog, JdbcClient jdbc) {
        this.actors = actors;
        this.megatrends = megatrends;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
    }

    public enum Kind { ACTOR, MEGATREND }

    /** Creates (id null) or renames an actor or megatrend. @return false when there is no such id */
    public boolean save(Kind kind, Long id, String name, String nameEn) {
        boolean taken = kind == Kind.ACTOR
                ? actors.findAll().stream().anyMatch(a -> a.getName().equals(name) && !a.getId().equals(id))
                : megatrends.findAll().stream().anyMatch(m -> m.getName().equals(name) && !m.getId().equals(id));
        if (taken) {
            throw new NameTakenException();
        }
        String entity = kind == Kind.ACTOR ? "Akteur" : "Megatrend";
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("name", name);
        after.put("nameEn", nameEn);
        if (kind == Kind.ACTOR) {
            Actor actor = id == null ? actors.save(new Actor(name, nameEn)) : actors.findById(id).orElse(null);
            if (actor == null) {
                return false;
            }
            record(entity, actor.getId(), id, actor.getName(), actor.getNameEn(), after);
            actor.rename(name, nameEn);
        } else {
            Megatrend trend = id == null ? megatrends.save(new Megatrend(name, nameEn)) : megatrends.findById(id).orElse(null);
            if (trend == null) {
                return false;
            }
            record(entity, trend.getId(), id, trend.getName(), trend.getNameEn(), after);
            trend.rename(name, nameEn);
        }
        DataVersion.advanceAfterCommit(jdbc, ReallaborEditing.SEQUENCE);
        return true;
    }

    private void record(String entity, long id, Long existing, String name, String nameEn, Map<String, Object> after) {
        Map<String, Object> before = new java.util.LinkedHashMap<>();
        if (existing != null) {
            before.put("name", name);
            before.put("nameEn", nameEn);
        }
        auditLog.record(entity, id, existing == null ? "CREATED" : "CHANGED", before, after);
    }

    public static class NameTakenException extends RuntimeException {

        public NameTakenException() {
            super("name taken", null, false, false);
        }
    }
}
