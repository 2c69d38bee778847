package com.bedrockusage.job.alerts.rules;

import com.bedrockusage.job.alerts.RuleSet;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates the rules file on a daemon thread of its own, so a slow or hanging read (an
 * S3 GET that never answers) holds up neither calls nor checkpoint barriers: the task thread goes
 * on under the rules in force and picks the outcome up when it is there. One read at a time: a read
 * still running when the next is due is not started twice; once it has run {@link #TIMEOUT_MILLIS}
 * it is reported, counted and interrupted.
 *
 * <p>{@link #start}, {@link #interruptIfOverdue} and {@link #take} belong to the task thread; the
 * watcher belongs to the reader thread. The outcome crosses over in an atomic reference.
 */
public final class RulesReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesReader.class);

    /** Longer than a healthy S3 GET of a 1 MiB file by far; shorter than a checkpoint timeout. */
    public static final long TIMEOUT_MILLIS = FileSystemRulesSource.READ_TIMEOUT_MILLIS;

    /**
     * What reads finished since the last {@link #take}: the newest changed rules (or null) and the
     * rejections.
     */
    public static final class Outcome {
        public final RuleSet changed;
        public final long rejectedCount;

        Outcome(RuleSet changed, long rejectedCount) {
            this.changed = changed;
            this.rejectedCount = rejectedCount;
        }

        /**
         * Two outcomes not yet taken: the later one, but a change of the earlier one is not lost to
         * "no change".
         */
        static Outcome merge(Outcome earlier, Outcome later) {
            return earlier == null || later.changed != null
                    ? later
                    : new Outcome(earlier.changed, later.rejectedCount);
        }
    }

    private final RulesWatcher watcher;
    private final String location;
    private final ExecutorService thread;
    private final AtomicReference<Outcome> finished = new AtomicReference<>();

    /**
     * True from submission until the read has returned, also when it was interrupted and has not
     * yet noticed.
     */
    private final AtomicBoolean busy = new AtomicBoolean();

    private volatile Future<?> running;
    private long startedAt;
    private boolean overdueReported;

    public RulesReader(
            RulesWatcher watcher, String location, String threadName, ClassLoader classLoader) {
        this.watcher = watcher;
        this.location = location;
        this.thread =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, threadName);
                            t.setDaemon(true);
                            t.setContextClassLoader(classLoader);
                            return t;
                        });
    }

    /**
     * Starts a read at processing time {@code now}; false (and a log line) while the previous one
     * still runs.
     */
    public boolean start(long now) {
        if (!busy.compareAndSet(false, true)) {
            LOG.warn(
                    "The alert rules file {} is still being read after {} s; not starting another read. The rules in"
                            + " force stay.",
                    location,
                    (now - startedAt) / 1000);
            return false;
        }
        startedAt = now;
        overdueReported = false;
        running = thread.submit(this::read);
        return true;
    }

    private void read() {
        try {
            Optional<RuleSet> next = watcher.poll();
            finished.accumulateAndGet(
                    new Outcome(next.orElse(null), watcher.rejectedCount()), Outcome::merge);
        } catch (RuntimeException e) {
            LOG.error(
                    "Reading the alert rules file {} failed; the rules in force stay.",
                    location,
                    e);
        } finally {
            busy.set(false);
        }
    }

    /**
     * At processing time {@code now}: true once per read that has run for {@link #TIMEOUT_MILLIS}
     * or more, which is then interrupted (a file system that honours interrupts fails the read,
     * which counts as an unreadable file).
     */
    public boolean interruptIfOverdue(long now) {
        if (!busy.get() || overdueReported || now - startedAt < TIMEOUT_MILLIS) {
            return false;
        }
        overdueReported = true;
        LOG.error(
                "Reading the alert rules file {} has not finished after {} s; interrupting it. The rules in force"
                        + " stay; the next read starts when this one has returned.",
                location,
                (now - startedAt) / 1000);
        Future<?> read = running;
        if (read != null) {
            read.cancel(true);
        }
        return true;
    }

    /** Whether a finished read waits to be taken; cheap enough for every call. */
    public boolean hasFinished() {
        return finished.get() != null;
    }

    /** The outcome of the reads finished since the last take, or null. */
    public Outcome take() {
        return finished.getAndSet(null);
    }

    /** For tests: waits until the read in progress (if any) has returned. */
    public void awaitIdle(long timeoutMillis) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Future<?> read = running;
        if (read != null && !read.isCancelled()) {
            try {
                read.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        while (busy.get()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("the rules file read is still running");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
