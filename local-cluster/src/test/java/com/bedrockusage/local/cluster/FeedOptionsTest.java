package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeedOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-05T12:00:00Z");

    @Test
    void shouldFeedRateTimesDurationInRealTimeEndingNow() throws Exception {
        FeedOptions o = FeedOptions.parse(NOW, "--rate", "50", "--duration", "2m");

        assertThat(o.uniqueInvocations()).isEqualTo(6000);
        assertThat(o.span()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.start()).isEqualTo(Instant.parse("2026-11-05T11:58:00Z"));
        assertThat(o.seed()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void shouldTakeAnExplicitEventTimeWindowAndCount() throws Exception {
        FeedOptions o =
                FeedOptions.parse(
                        NOW,
                        "--invocations",
                        "800",
                        "--start",
                        "2026-11-01T21:00:00Z",
                        "--span",
                        "2h",
                        "--seed",
                        "7",
                        "--accounts",
                        "2",
                        "--overlap-pct",
                        "0");

        assertThat(o.uniqueInvocations()).isEqualTo(800);
        assertThat(o.start()).isEqualTo(Instant.parse("2026-11-01T21:00:00Z"));
        assertThat(o.span()).isEqualTo(Duration.ofHours(2));
        assertThat(o.generatorArgs()).containsExactly("--accounts", "2");
        assertThat(o.overlapPct()).isZero();
    }

    @Test
    void shouldSendToAnotherAccountsBucketOnlyWhenAskedTo() throws Exception {
        assertThat(FeedOptions.parse(NOW).bucket()).isNull();
        assertThat(FeedOptions.parse(NOW, "--bucket", "e2e-spoke-logs").bucket())
                .isEqualTo("e2e-spoke-logs");
        assertThatThrownBy(() -> FeedOptions.parse(NOW, "--bucket", "s3://x/"))
                .hasMessageContaining("--bucket");
    }

    @Test
    void shouldParseDurationsWithUnits() throws Exception {
        assertThat(FeedOptions.duration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(FeedOptions.duration("x", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(FeedOptions.duration("x", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(FeedOptions.duration("x", "1d")).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> FeedOptions.duration("--duration", "soon"))
                .hasMessageContaining("--duration");
    }

    @Test
    void shouldRejectBadValues() {
        assertThatThrownBy(() -> FeedOptions.parse(NOW, "--rate", "-1"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> FeedOptions.parse(NOW, "--overlap-pct", "101"))
                .hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> FeedOptions.parse(NOW, "--start", "yesterday"))
                .hasMessageContaining("ISO");
        assertThatThrownBy(() -> FeedOptions.parse(NOW, "--nope"))
                .hasMessageContaining("unknown option");
    }

    @Test
    void shouldSendAboutTheOverlapShareBothWaysAndSplitTheRest() {
        SplittableRandom rng = new SplittableRandom(1);
        int[] counts = new int[3];
        for (int i = 0; i < 10_000; i++) {
            counts[Feed.route(rng, 20).ordinal()]++;
        }
        assertThat(counts[Feed.Route.BOTH.ordinal()]).isBetween(1800, 2200);
        assertThat(counts[Feed.Route.S3.ordinal()]).isBetween(3700, 4300);
        assertThat(counts[Feed.Route.KINESIS.ordinal()]).isBetween(3700, 4300);
    }
}
