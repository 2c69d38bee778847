package com.bedrockusage.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BEDROCK_COST priced with the job's whole pricing configuration: catalogue, updates directory,
 * aliases.
 */
class PricingSetupTest {

    private static final String APP_PROFILE =
            "arn:aws:bedrock:us-east-1:111111111111:application-inference-profile/a1b2c3d4e5f6";
    private static final Instant T = Instant.parse("2026-11-03T10:15:00Z");

    @Test
    void shouldPriceAnApplicationInferenceProfileThroughTheJobsAliases() {
        BedrockCost cost =
                new BedrockCost(
                        PricingSetup.of(
                                null,
                                APP_PROFILE + "=anthropic.claude-sonnet-4-5-20250929-v1:0",
                                null));

        assertThat(cost.eval(APP_PROFILE, "us-east-1", T, 200_000L, 0L, 0L, 0L))
                .isEqualByComparingTo("0.6");
        assertThat(new BedrockCost().eval(APP_PROFILE, "us-east-1", T, 1_000_000L, 0L, 0L, 0L))
                .as("without the aliases")
                .isNull();
    }

    @Test
    void shouldLayTheUpdateFilesOverTheCatalogueOldestFirstSkippingBadLines(@TempDir Path dir)
            throws IOException {
        Path csv =
                PriceFiles.write(
                        dir.resolve("prices.csv"), "acme.model-v1,*,2026-01-01T00:00:00Z,2,4,0,0,");
        Path updates = Files.createDirectories(dir.resolve("updates"));
        PriceFiles.write(
                updates.resolve("b-older.csv"),
                Instant.parse("2026-02-01T00:00:00Z"),
                "acme.model-v1,*,2026-01-01T00:00:00Z,5,4,0,0,",
                "this is not a price line");
        PriceFiles.write(
                updates.resolve("a-newer.csv"),
                Instant.parse("2026-03-01T00:00:00Z"),
                "acme.model-v1,*,2026-01-01T00:00:00Z,6,4,0,0,");
        PriceFiles.write(
                updates.resolve("_incomplete.csv"),
                Instant.parse("2026-04-01T00:00:00Z"),
                "acme.model-v1,*,2026-01-01T00:00:00Z,9,4,0,0,");
        PriceFiles.write(
                updates.resolve("notes.txt"),
                Instant.parse("2026-04-01T00:00:00Z"),
                "acme.model-v1,*,2026-01-01T00:00:00Z,9,4,0,0,");

        BedrockCost cost = new BedrockCost(PricingSetup.of(csv.toString(), "", updates.toString()));

        assertThat(cost.eval("acme.model-v1", "us-east-1", T, 1_000_000L, 0L, 0L, 0L))
                .isEqualByComparingTo("6");
    }

    @Test
    void shouldRejectAliasesTheJobWouldReject() {
        assertThatThrownBy(() -> PricingSetup.of(null, "no-equals-sign", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alias=model");
    }
}
