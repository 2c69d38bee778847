package com.bedrockusage.job.sink;

import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;

/**
 * Puts a table back where a restored checkpoint left it. Every commit of the job's Iceberg sinks
 * carries the id of the run that built it ({@link #RUN}) and the checkpoint it commits (Iceberg's
 * own summary). Restoring checkpoint S of run R makes every commit of R for a checkpoint after S,
 * and everything committed after it, a future that the restored job replays: those snapshots are
 * rolled back, so the replay neither appends twice nor waits for its checkpoint ids to pass the old
 * ones (Iceberg's committer skips ids it believes committed).
 */
public final class TableRollback {

    /**
     * Snapshot summary property: the run (one build of the job graph) whose sink committed the
     * snapshot.
     */
    public static final String RUN = "bedrock.run-id";

    static final String CHECKPOINT = "flink.max-committed-checkpoint-id";
    static final String JOB = "flink.job-id";
    static final String OPERATOR = "flink.operator-id";

    private TableRollback() {}

    /**
     * @return what was done, for the log; empty when the table already ends at or before the
     *     checkpoint
     */
    public static Optional<String> toCheckpoint(Table table, String run, long checkpointId) {
        table.refresh();
        Snapshot oldestLater = null;
        for (Snapshot s = table.currentSnapshot(); s != null; s = parent(table, s)) {
            if (run.equals(s.summary().get(RUN)) && checkpoint(s) > checkpointId) {
                oldestLater = s;
            }
        }
        if (oldestLater == null) {
            return Optional.empty();
        }
        Long target = oldestLater.parentId();
        if (target != null && table.snapshot(target) != null) {
            table.manageSnapshots().rollbackTo(target).commit();
            return Optional.of(
                    "rolled back to snapshot "
                            + target
                            + " (the first later commit was checkpoint "
                            + checkpoint(oldestLater)
                            + ")");
        }
        // Nothing was committed before: empty the table. The marker tells Iceberg's committer that
        // the restored job
        // committed nothing yet, so it commits every pending file of the restored checkpoint.
        Map<String, String> later = oldestLater.summary();
        table.newDelete()
                .deleteFromRowFilter(Expressions.alwaysTrue())
                .set(JOB, later.get(JOB))
                .set(OPERATOR, later.get(OPERATOR))
                .set(CHECKPOINT, "-1")
                .set(RUN, run)
                .commit();
        return Optional.of(
                "emptied (its first commit was checkpoint " + checkpoint(oldestLater) + ")");
    }

    private static Snapshot parent(Table table, Snapshot s) {
        return s.parentId() == null ? null : table.snapshot(s.parentId());
    }

    private static long checkpoint(Snapshot s) {
        String value = s.summary().get(CHECKPOINT);
        try {
            return value == null ? Long.MIN_VALUE : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
