package de.stadtportal.platform.audit;

import java.util.Map;

import org.springframework.stereotype.Service;

/** Placeholder until the audit branch is merged. */
@Service
public class AuditLog {

    public void record(String entityType, Object entityId, String action, Map<String, ?> before, Map<String, ?> after) {
    }
}
