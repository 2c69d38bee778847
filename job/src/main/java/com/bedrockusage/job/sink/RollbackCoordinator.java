package com.bedrockusage.job.sink;

import com.bedrockusage.job.config.JobConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.runtime.operators.coordination.OperatorEvent;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints the run id; on restore, rolls every table back to the restored checkpoint of that
 * run. Runs on the JobManager. A restore after a failure (the latest checkpoint) finds nothing
 * later and changes nothing.
 */
final class RollbackCoordinator implements OperatorCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(RollbackCoordinator.class);

    private final Provider settings;
    private final ClassLoader userCode;

    RollbackCoordinator(Provider settings, ClassLoader userCode) {
        this.settings = settings;
        this.userCode = userCode;
    }

    @Override
    public void checkpointCoordinator(long checkpointId, CompletableFuture<byte[]> result) {
        result.complete(settings.run.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void resetToCheckpoint(long checkpointId, byte[] state) {
        if (state == null || checkpointId == OperatorCoordinator.NO_CHECKPOINT) {
            return;
        }
        String restoredRun = new String(state, StandardCharsets.UTF_8);
        // The JobManager calls this on its own thread, whose context class loader does not see the
        // job's
        // jar: Iceberg loads the catalog and its file IO through that loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(userCode);
        try {
            rollBack(restoredRun, checkpointId);
        } catch (RuntimeException e) {
            // Failing here would fail every restore: the job could never start again. The replay
            // then
            // appends to the keyless tables again; the log says so.
            LOG.error(
                    "Could not roll the tables back to restored checkpoint {} of run {}: keyless tables"
                            + " (invocations, late_invocations, rejected_records, alerts) may hold the replayed"
                            + " calls twice",
                    checkpointId,
                    restoredRun,
                    e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void rollBack(String restoredRun, long checkpointId) {
        Catalog catalog = settings.catalog.loadCatalog();
        for (String table : settings.tables) {
            Optional<String> done =
                    TableRollback.toCheckpoint(
                            catalog.loadTable(TableIdentifier.of(settings.namespace, table)),
                            restoredRun,
                            checkpointId);
            done.ifPresent(
                    what ->
                            LOG.warn(
                                    "Restored checkpoint {} of run {}: table {} {}; the job replays from there",
                                    checkpointId,
                                    restoredRun,
                                    table,
                                    what));
        }
    }

    @Override
    public void start() {}

    @Override
    public void close() {}

    @Override
    public void handleEventFromOperator(int subtask, int attemptNumber, OperatorEvent event) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {}

    @Override
    public void subtaskReset(int subtask, long checkpointId) {}

    @Override
    public void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason) {}

    @Override
    public void executionAttemptReady(int subtask, int attemptNumber, SubtaskGateway gateway) {}

    /** What the coordinator needs, serializable into the job graph. */
    static final class Provider implements OperatorCoordinator.Provider {
        private static final long serialVersionUID = 1L;
        final CatalogLoader catalog;
        final String namespace;
        final List<String> tables;
        final String run;
        private final OperatorID operatorId;

        Provider(JobConfig config, List<String> tables, String run) {
            this(IcebergCatalogs.loader(config), config.icebergNamespace, tables, run, null);
        }

        Provider(
                CatalogLoader catalog,
                String namespace,
                List<String> tables,
                String run,
                OperatorID id) {
            this.catalog = catalog;
            this.namespace = namespace;
            this.tables = new ArrayList<>(tables);
            this.run = run;
            this.operatorId = id;
        }

        Provider forOperator(OperatorID id) {
            return new Provider(catalog, namespace, tables, run, id);
        }

        @Override
        public OperatorID getOperatorId() {
            return operatorId;
        }

        @Override
        public OperatorCoordinator create(Context context) {
            return new RollbackCoordinator(this, context.getUserCodeClassloader());
        }
    }
}
