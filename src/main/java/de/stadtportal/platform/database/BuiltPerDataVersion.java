package de.stadtportal.platform.database;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the one read model (an in-memory search index) of the newest {@link PublicDataVersion}: built by the first
 * caller that finds it older than the number it read, in a read-only transaction of its own whose one snapshot gives
 * the rows and the number ({@link PublicDataVersion#IN_SNAPSHOT}, which the loader reads and {@code versionOf} tells).
 * Callers meanwhile get nothing and answer otherwise (in SQL) instead of waiting: a waiting request would hold its
 * pooled connection. The old model goes first, so two of a large directory need not fit the heap at once. A model
 * that cannot be built (also for want of memory) is not tried again until the data change.
 */
public final class BuiltPerDataVersion<T> {

    private static final Logger log = LoggerFactory.getLogger(BuiltPerDataVersion.class);

    private final String name;
    private final TransactionTemplate snapshot;
    private final Supplier<T> load;
    private final ToLongFunction<T> versionOf;
    private final ReentrantLock building = new ReentrantLock();
    private volatile T kept;
    /** The data version whose model could not be built. */
    private volatile long failedAt = Long.MIN_VALUE;

    /** @param name what is built, for the log */
    public BuiltPerDataVersion(String name, PlatformTransactionManager transactions, Supplier<T> load, ToLongFunction<T> versionOf) {
        this.name = name;
        this.load = load;
        this.versionOf = versionOf;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The model as of {@code dataVersion} or later; empty while another caller builds it or after it failed. */
    public Optional<T> atLeast(long dataVersion) {
        T model = kept;
        if (model != null && versionOf.applyAsLong(model) >= dataVersion) {
            return Optional.of(model);
        }
        if (dataVersion <= failedAt || !building.tryLock()) {
            return Optional.empty();
        }
        try {
            model = kept;
            if (model == null || versionOf.applyAsLong(model) < dataVersion) {
                kept = null;
                long start = System.nanoTime();
                model = snapshot.execute(status -> load.get());
                kept = model;
                log.debug("{} of data version {} built in {} ms", name, versionOf.applyAsLong(model), (System.nanoTime() - start) / 1_000_000);
            }
            return Optional.of(model);
        } catch (RuntimeException | OutOfMemoryError e) {
            // a model too large for the heap fails alone: its parts are garbage again and the pages go on in SQL,
            // instead of every data change (or worse, every search) trying again under a full heap
            failedAt = dataVersion;
            log.warn("{} of data version {} not built, answering in PostgreSQL: {}", name, dataVersion, e.toString());
            return Optional.empty();
        } finally {
            building.unlock();
        }
    }
}
