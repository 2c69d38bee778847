package com.bedrockusage.job.sink;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.LockManager;
import org.apache.iceberg.util.PropertyUtil;

/**
 * The Hadoop catalog's commit lock, one per JVM, that no catalog can close for the others.
 *
 * <p>Iceberg 1.10's default in-memory lock manager is a JVM-wide singleton whose {@code close()}
 * clears every lock and shuts down the shared heartbeat scheduler. Every table committer owns a
 * catalog and closes it when its input ends, so at the end of a bounded run a committer that
 * finished first could fail the commit of one still running ({@code RejectedExecutionException})
 * and drop its lock. Here closing does nothing, and a lock left by a thread that died expires
 * instead of being kept alive by a heartbeat.
 */
public final class JvmLockManager implements LockManager {

    /** Entity → (owner, expiry in epoch milliseconds). */
    private static final ConcurrentMap<String, Map.Entry<String, Long>> LOCKS =
            new ConcurrentHashMap<>();

    private long acquireTimeoutMs = CatalogProperties.LOCK_ACQUIRE_TIMEOUT_MS_DEFAULT;
    private long acquireIntervalMs = CatalogProperties.LOCK_ACQUIRE_INTERVAL_MS_DEFAULT;
    private long expiryMs = CatalogProperties.LOCK_HEARTBEAT_TIMEOUT_MS_DEFAULT;

    @Override
    public void initialize(Map<String, String> properties) {
        acquireTimeoutMs =
                PropertyUtil.propertyAsLong(
                        properties,
                        CatalogProperties.LOCK_ACQUIRE_TIMEOUT_MS,
                        CatalogProperties.LOCK_ACQUIRE_TIMEOUT_MS_DEFAULT);
        acquireIntervalMs =
                PropertyUtil.propertyAsLong(
                        properties,
                        CatalogProperties.LOCK_ACQUIRE_INTERVAL_MS,
                        CatalogProperties.LOCK_ACQUIRE_INTERVAL_MS_DEFAULT);
        expiryMs =
                PropertyUtil.propertyAsLong(
                        properties,
                        CatalogProperties.LOCK_HEARTBEAT_TIMEOUT_MS,
                        CatalogProperties.LOCK_HEARTBEAT_TIMEOUT_MS_DEFAULT);
    }

    @Override
    public boolean acquire(String entityId, String ownerId) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(acquireTimeoutMs);
        while (true) {
            long now = System.currentTimeMillis();
            Map.Entry<String, Long> held =
                    LOCKS.compute(
                            entityId,
                            (id, current) ->
                                    current == null || current.getValue() <= now
                                            ? new SimpleImmutableEntry<>(ownerId, now + expiryMs)
                                            : current);
            if (held.getKey().equals(ownerId)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, acquireIntervalMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @Override
    public boolean release(String entityId, String ownerId) {
        Map.Entry<String, Long> held = LOCKS.get(entityId);
        return held != null && held.getKey().equals(ownerId) && LOCKS.remove(entityId, held);
    }

    /** Nothing to close: the locks are shared by every catalog in this JVM. */
    @Override
    public void close() {}
}
