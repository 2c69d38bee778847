package com.bedrockusage.job.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The ITCases' Flink cluster: one MiniCluster per test class with one TaskManager of {@value
 * #SLOTS} slots (the job's local parallelism), and a fresh temporary Iceberg warehouse per test, as
 * Iceberg's {@code MiniFlinkClusterExtension} and catalog extensions do. Jobs built with {@code
 * StreamExecutionEnvironment.getExecutionEnvironment()} run on it.
 *
 * <pre>
 *   &#64;RegisterExtension
 *   static final FlinkMiniCluster CLUSTER = FlinkMiniCluster.create();
 *   ... PipelineRuns.config(logs, CLUSTER.warehouse()) ...
 * </pre>
 */
public final class FlinkMiniCluster
        implements BeforeAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                AfterAllCallback,
                ParameterResolver {

    public static final int SLOTS = 2;

    private final MiniClusterExtension cluster;
    private Path warehouse;

    private FlinkMiniCluster(Configuration configuration) {
        this.cluster =
                new MiniClusterExtension(
                        new MiniClusterResourceConfiguration.Builder()
                                .setConfiguration(configuration)
                                .setNumberTaskManagers(1)
                                .setNumberSlotsPerTaskManager(SLOTS)
                                .build());
    }

    public static FlinkMiniCluster create() {
        return new FlinkMiniCluster(new Configuration());
    }

    /**
     * @param configuration cluster settings, e.g. a metric reporter's
     */
    public static FlinkMiniCluster withConfiguration(Configuration configuration) {
        return new FlinkMiniCluster(configuration);
    }

    /** The current test's empty warehouse folder, deleted after the test. */
    public Path warehouse() {
        if (warehouse == null) {
            throw new IllegalStateException("the warehouse exists only while a test runs");
        }
        return warehouse;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        cluster.beforeEach(context);
        warehouse = Files.createTempDirectory("warehouse-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            cluster.afterEach(context);
        } finally {
            deleteWarehouse();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        cluster.afterAll(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster.resolveParameter(parameter, context);
    }

    private void deleteWarehouse() throws IOException {
        Path done = warehouse;
        warehouse = null;
        if (done != null) {
            FileUtils.deleteDirectory(done.toFile());
        }
    }
}
