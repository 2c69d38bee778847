package com.bedrockusage.job.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BilledUsageTypeTest {

    @Test
    void takesApartTheFourTokenTypes() {
        assertParsed(
                "USE1-Claude4.5Sonnet-input-tokens",
                "USE1",
                "Claude4.5Sonnet",
                "input",
                "standard");
        assertParsed(
                "USE1-Claude4.5Sonnet-output-tokens",
                "USE1",
                "Claude4.5Sonnet",
                "output",
                "standard");
        assertParsed(
                "EUC1-Claude3.7Sonnet-cache-read-input-token-count",
                "EUC1",
                "Claude3.7Sonnet",
                "cache_read",
                "standard");
        assertParsed(
                "APN1-Claude4.5Haiku-cache-write-input-token-count",
                "APN1",
                "Claude4.5Haiku",
                "cache_write",
                "standard");
    }

    @Test
    void keepsWhatFollowsTheMarkerAsTheTier() {
        assertParsed("USE1-NovaPro-input-tokens-flex", "USE1", "NovaPro", "input", "flex");
        assertParsed(
                "USW2-gpt-oss-120b-mantle-output-tokens-priority",
                "USW2",
                "gpt-oss-120b",
                "output",
                "priority");
    }

    @Test
    void marketplaceUsageTypesHaveNoModelKey() {
        BilledUsageType t = BilledUsageType.parse("USE1-MP:USE1_InputTokenCount-Units");
        assertThat(t.isMarketplace()).isTrue();
        assertThat(t.tokenClass).isEqualTo("input");
        assertThat(BilledUsageType.parse("USE1-MP:USE1_OutputTokenCount-Units").tokenClass)
                .isEqualTo("output");
    }

    @Test
    void anythingElseIsOtherWithItsWholeNameAsKey() {
        assertParsed(
                "USE1-ProvisionedThroughput-Claude-Hours",
                "USE1",
                "ProvisionedThroughput-Claude-Hours",
                "other",
                "standard");
        assertParsed("odd", null, "odd", "other", "standard");
    }

    private static void assertParsed(
            String usageType, String region, String key, String cls, String tier) {
        BilledUsageType t = BilledUsageType.parse(usageType);
        assertThat(t.regionCode).isEqualTo(region);
        assertThat(t.modelKey).isEqualTo(key);
        assertThat(t.tokenClass).isEqualTo(cls);
        assertThat(t.tier).isEqualTo(tier);
    }
}
