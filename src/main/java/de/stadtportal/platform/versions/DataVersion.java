package de.stadtportal.platform.versions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Triggers advance a feature's data-version sequence inside the writing transaction, that is before
 * its commit: a reader in that moment could keep old data under the new number. Features whose views
 * are cached by such a version therefore draw one more number after their own commits.
 */
public final class DataVersion {

    private DataVersion() {
    }

    public static void advanceAfterCommit(JdbcClient jdbc, String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException(sequence);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // a sequence is not transactional: the number is drawn even without a commit
                    jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
                }
            });
        }
    }
}
