package com.bedrockusage.local.dashboard;

import com.bedrockusage.local.DaemonThreads;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the tables' snapshots and reloads when one changes (a checkpoint of the job committed),
 * then tells the listeners (the open pages) the new version. A failed read keeps the last good data
 * and is retried.
 */
public final class Refresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);

    private final WarehouseLoader loader;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dashboard-refresh"));
    private volatile WarehouseData data = WarehouseData.empty();
    private volatile String lastError;

    Refresher(WarehouseLoader loader) {
        this.loader = loader;
    }

    /**
     * Reads the usage tables now (the caller waits), then the invocations and later changes in the
     * background.
     */
    void start(long intervalMillis) {
        refreshUsage();
        timer.execute(this::refreshTags);
        timer.scheduleWithFixedDelay(
                this::refresh, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    public WarehouseData data() {
        return data;
    }

    String lastError() {
        return lastError;
    }

    WarehouseLoader loader() {
        return loader;
    }

    void onChange(LongConsumer listener) {
        listeners.add(listener);
    }

    void removeListener(LongConsumer listener) {
        listeners.remove(listener);
    }

    /** One check: reloads and notifies when any table has a new snapshot. */
    synchronized void refresh() {
        try {
            Map<String, Long> snapshots = loader.snapshots();
            if (!snapshots.equals(data.snapshots())) {
                refreshUsage();
                refreshTags();
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private synchronized void refreshUsage() {
        try {
            publish(loader.load(data.version() + 1, loader.snapshots(), data.tagHours()));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private synchronized void refreshTags() {
        try {
            WarehouseData d = data;
            List<UsageFact> tags = loader.tagHours(d.snapshots());
            publish(
                    new WarehouseData(
                            d.version() + 1,
                            d.daily(),
                            d.hourly(),
                            d.minuteTail(),
                            tags,
                            d.rejected(),
                            d.alerts(),
                            d.dataUpTo(),
                            d.snapshots()));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void publish(WarehouseData next) {
        data = next;
        lastError = null;
        for (LongConsumer l : listeners) {
            l.accept(next.version());
        }
    }

    private void failed(RuntimeException e) {
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("reading the warehouse failed; showing the last good data and retrying", e);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
