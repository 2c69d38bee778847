package com.bedrockusage.job.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;

/**
 * Captures the metrics an operator registers in a test harness, by the name of their group and
 * metric, e.g. {@code "kinesisanalytics.duplicates"}. Give {@link #environment()} to a harness
 * constructor.
 */
public final class CapturedMetrics {

    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
    private final TaskMetricGroup taskGroup;

    public CapturedMetrics() {
        TestingMetricRegistry registry =
                TestingMetricRegistry.builder()
                        .setDelimiter('.')
                        .setRegisterConsumer(
                                (metric, name, group) -> {
                                    String[] scope = group.getScopeComponents();
                                    metrics.put(scope[scope.length - 1] + "." + name, metric);
                                })
                        .build();
        taskGroup =
                TaskManagerMetricGroup.createTaskManagerMetricGroup(
                                registry, "localhost", ResourceID.generate())
                        .addJob(new JobID(), "test-job")
                        .addTask(ExecutionAttemptID.randomId(), "test-task");
    }

    public MockEnvironment environment() {
        return new MockEnvironmentBuilder().setMetricGroup(taskGroup).build();
    }

    /** The count of a registered counter; fails if there is none of that name. */
    public long counter(String groupDotName) {
        Metric metric = metrics.get(groupDotName);
        if (!(metric instanceof Counter)) {
            throw new AssertionError(
                    "no counter " + groupDotName + "; registered: " + metrics.keySet());
        }
        return ((Counter) metric).getCount();
    }
}
