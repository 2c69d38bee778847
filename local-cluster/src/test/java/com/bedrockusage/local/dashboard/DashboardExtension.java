package com.bedrockusage.local.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One {@link DashboardFixture} per test class, in a temporary directory removed afterwards. */
final class DashboardExtension implements BeforeAllCallback, AfterAllCallback {

    private final Function<Path, DashboardFixture> starter;
    private Path dir;
    private DashboardFixture fixture;

    /**
     * @param refreshMillis how often the dashboard looks for new snapshots
     */
    DashboardExtension(int calls, long refreshMillis) {
        this.starter =
                warehouse -> {
                    try {
                        return DashboardFixture.start(warehouse, calls, refreshMillis);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
    }

    DashboardFixture fixture() {
        return fixture;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("dashboard-test");
        fixture = starter.apply(dir.resolve("warehouse"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
