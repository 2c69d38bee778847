package com.bedrockusage.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.LockManager;
import org.apache.iceberg.util.LockManagers;
import org.junit.jupiter.api.Test;

class JvmLockManagerTest {

    private static final Map<String, String> FAST =
            Map.of(
                    CatalogProperties.LOCK_ACQUIRE_TIMEOUT_MS, "200",
                    CatalogProperties.LOCK_ACQUIRE_INTERVAL_MS, "10",
                    CatalogProperties.LOCK_HEARTBEAT_TIMEOUT_MS, "60000");

    @Test
    void shouldKeepACommittersLockWhenAnotherCatalogCloses() throws Exception {
        LockManager committing = LockManagers.from(props());
        LockManager finished = LockManagers.from(props());
        assertThat(committing.acquire("usage_daily/v3.metadata.json", "committer-1")).isTrue();

        finished.close(); // a committer whose input ended closes its catalog

        assertThat(committing.release("usage_daily/v3.metadata.json", "committer-1")).isTrue();
    }

    @Test
    void shouldLetOneOwnerHoldALockUntilItIsReleased() {
        LockManager first = LockManagers.from(props());
        LockManager second = LockManagers.from(props());
        assertThat(first.acquire("t/v1", "a")).isTrue();
        assertThat(second.acquire("t/v1", "b")).isFalse();
        assertThat(second.release("t/v1", "b")).isFalse();
        assertThat(first.release("t/v1", "a")).isTrue();
        assertThat(second.acquire("t/v1", "b")).isTrue();
        assertThat(second.release("t/v1", "b")).isTrue();
    }

    @Test
    void shouldHandOverALockWhoseHolderNeverReleasedIt() {
        LockManager abandoned =
                LockManagers.from(
                        Map.of(
                                CatalogProperties.LOCK_IMPL,
                                JvmLockManager.class.getName(),
                                CatalogProperties.LOCK_HEARTBEAT_TIMEOUT_MS,
                                "1"));
        assertThat(abandoned.acquire("t/v2", "died")).isTrue();
        LockManager next = LockManagers.from(props());
        assertThat(next.acquire("t/v2", "alive")).isTrue();
        assertThat(next.release("t/v2", "alive")).isTrue();
    }

    private static Map<String, String> props() {
        Map<String, String> props = new HashMap<>(FAST);
        props.put(CatalogProperties.LOCK_IMPL, JvmLockManager.class.getName());
        return props;
    }
}
