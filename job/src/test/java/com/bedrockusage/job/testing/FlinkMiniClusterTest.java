package com.bedrockusage.job.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.CollectionUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlinkMiniClusterTest {

    @RegisterExtension static final FlinkMiniCluster CLUSTER = FlinkMiniCluster.create();

    private static final Set<Path> WAREHOUSES = ConcurrentHashMap.newKeySet();

    @Test
    void shouldGiveEachTestAnEmptyWarehouseOfItsOwn() throws Exception {
        assertEmptyAndUnused(CLUSTER.warehouse());
    }

    @Test
    void shouldGiveTheNextTestAnotherEmptyWarehouse() throws Exception {
        assertEmptyAndUnused(CLUSTER.warehouse());
    }

    @Test
    void shouldRunJobsOnTheClusterAtTheJobsLocalParallelism() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(env.getParallelism()).isEqualTo(FlinkMiniCluster.SLOTS);
        try (CloseableIterator<Long> numbers = env.fromSequence(1, 10).executeAndCollect()) {
            List<Long> all = CollectionUtil.iteratorToList(numbers);
            assertThat(all).hasSize(10);
        }
    }

    @AfterAll
    static void shouldDeleteEveryWarehouse() {
        assertThat(WAREHOUSES).hasSize(2).noneMatch(Files::exists);
    }

    private static void assertEmptyAndUnused(Path warehouse) throws Exception {
        assertThat(warehouse).isEmptyDirectory();
        assertThat(WAREHOUSES.add(warehouse)).as("a warehouse no other test had").isTrue();
        Files.writeString(warehouse.resolve("table"), "rows");
    }
}
