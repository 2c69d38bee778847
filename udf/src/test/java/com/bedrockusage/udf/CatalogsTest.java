package com.bedrockusage.udf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogsTest {

    private static final Instant T = Instant.parse("2026-11-03T10:15:00Z");

    @Test
    void shouldReloadAnEditedPriceFileWhenTheFunctionOpensAgain(@TempDir Path dir)
            throws IOException {
        Path csv = dir.resolve("prices.csv");
        write(csv, "2", Instant.parse("2026-01-01T00:00:00Z"));
        BedrockCost first = new BedrockCost(csv.toString());
        first.open(null);
        assertThat(first.eval("acme.model-v1", "us-east-1", T, 1_000_000L, 0L, 0L, 0L))
                .isEqualByComparingTo("2");

        write(csv, "7", Instant.parse("2026-01-01T00:00:05Z"));
        BedrockCost next = new BedrockCost(csv.toString());
        next.open(null);

        assertThat(next.eval("acme.model-v1", "us-east-1", T, 1_000_000L, 0L, 0L, 0L))
                .isEqualByComparingTo("7");
    }

    @Test
    void shouldKeepTheLoadedCatalogueWhileTheFileIsUnchanged(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("prices.csv");
        write(csv, "2", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(Catalogs.get(csv.toString())).isSameAs(Catalogs.get(csv.toUri().toString()));
    }

    private static void write(Path csv, String inputPrice, Instant modified) throws IOException {
        // same size either way: the modification time tells the versions apart, as an editor's save
        // does
        PriceFiles.write(
                csv, modified, "acme.model-v1,*,2026-01-01T00:00:00Z," + inputPrice + ",4,0,0,");
    }
}
