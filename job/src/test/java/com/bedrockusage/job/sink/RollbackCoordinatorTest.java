package com.bedrockusage.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.junit.jupiter.api.Test;

class RollbackCoordinatorTest {

    /**
     * Records the context class loader Iceberg would load the catalog with, then fails as S3 might.
     */
    static final class RecordingLoader implements CatalogLoader {
        private static final long serialVersionUID = 1L;
        static final AtomicReference<ClassLoader> SEEN = new AtomicReference<>();

        @Override
        public Catalog loadCatalog() {
            SEEN.set(Thread.currentThread().getContextClassLoader());
            throw new IllegalStateException("catalog unreachable");
        }

        @Override
        @SuppressWarnings("MethodDoesntCallSuperMethod")
        public CatalogLoader clone() {
            return new RecordingLoader();
        }
    }

    @Test
    void shouldLoadTheCatalogThroughTheJobsClassLoaderAndNeverFailTheRestore() throws Exception {
        ClassLoader jobJar = new URLClassLoader(new URL[0], getClass().getClassLoader());
        RollbackCoordinator coordinator =
                new RollbackCoordinator(
                        new RollbackCoordinator.Provider(
                                new RecordingLoader(),
                                "bedrock",
                                List.of("invocations"),
                                "run-2",
                                null),
                        jobJar);
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThatCode(
                        () ->
                                coordinator.resetToCheckpoint(
                                        7, "run-1".getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();

        assertThat(RecordingLoader.SEEN.get()).isSameAs(jobJar);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
