package com.bedrockusage.job.sink;

import com.bedrockusage.job.OperatorIds;
import com.bedrockusage.job.config.JobConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.operators.coordination.OperatorCoordinator;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.CoordinatedOperatorFactory;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Rolls the job's tables back to the restored checkpoint ({@link TableRollback}) before any task
 * runs.
 *
 * <p>Why an operator coordinator: the JobManager hands a coordinator the restored checkpoint's id
 * and state while it builds the execution graph, before it deploys a single task, so no Iceberg
 * committer can commit (or read its last committed checkpoint) from a table not yet rolled back.
 * The operator itself does nothing; it hangs off a low-volume stream so that the coordinator
 * exists.
 */
public final class RollbackOnRestore {

    /** Never change: the coordinator's state (the run id) is matched to it. */
    private RollbackOnRestore() {}

    public static <T> void attach(
            DataStream<T> anyStream, JobConfig config, List<TableDefinition> tables, String run) {
        List<String> names = new ArrayList<>();
        for (TableDefinition t : tables) {
            names.add(t.name());
        }
        anyStream
                .transform(
                        "roll tables back on restore",
                        Types.VOID,
                        new Factory<T>(new RollbackCoordinator.Provider(config, names, run)))
                .setParallelism(1)
                .uid(OperatorIds.TABLE_ROLLBACK);
    }

    static final class Factory<T> extends SimpleOperatorFactory<Void>
            implements CoordinatedOperatorFactory<Void>, OneInputStreamOperatorFactory<T, Void> {
        private static final long serialVersionUID = 1L;
        private final RollbackCoordinator.Provider provider;

        Factory(RollbackCoordinator.Provider provider) {
            super(new Ignore<T>());
            this.provider = provider;
        }

        @Override
        public OperatorCoordinator.Provider getCoordinatorProvider(
                String operatorName, OperatorID operatorId) {
            return provider.forOperator(operatorId);
        }
    }

    /** Drops what it is given: only its coordinator matters. */
    static final class Ignore<T> extends AbstractStreamOperator<Void>
            implements OneInputStreamOperator<T, Void> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(StreamRecord<T> element) {}
    }
}
