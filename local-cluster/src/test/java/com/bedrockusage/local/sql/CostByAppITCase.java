package com.bedrockusage.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.job.testing.FlinkMiniCluster;
import com.bedrockusage.local.sql.SampleCalls.Call;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.TokenCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** cost_by_app.sql keeps callers of different accounts apart, also when they share a name. */
class CostByAppITCase {

    @RegisterExtension static final FlinkMiniCluster MINI_CLUSTER = FlinkMiniCluster.create();

    private static final Instant T = Instant.parse("2026-11-03T10:00:00Z");
    private static final String SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";

    @Test
    void shouldKeepTheAccountOfSameNamedUsersInTheFallback(@TempDir Path tmp) throws Exception {
        List<Call> calls =
                List.of(
                        call("a", "arn:aws:iam::111111111111:user/alice"),
                        call("b", "arn:aws:iam::222222222222:user/alice"));
        try (TestWarehouse w = TestWarehouse.create(tmp.resolve("warehouse"))) {
            w.append(
                    Tables.USAGE_DAILY,
                    SampleCalls.usageRecords(w, Tables.USAGE_DAILY, Duration.ofDays(1), calls));

            CliRun r =
                    CliRun.sql(
                            "--warehouse",
                            w.dir().toString(),
                            "--format",
                            "csv",
                            "-f",
                            "queries/cost_by_app.sql");

            assertThat(r.err()).isEmpty();
            assertThat(r.out().lines().skip(1).map(l -> l.split(",")[0]))
                    .containsExactlyInAnyOrder(
                            "(other) 111111111111 alice", "(other) 222222222222 alice");
        }
    }

    private static Call call(String id, String caller) {
        return new Call(
                id,
                T,
                caller.split(":")[4],
                "us-east-1",
                caller,
                SONNET_45,
                1000,
                100,
                0,
                0,
                0,
                500L,
                null,
                null,
                PriceCatalog.defaultCatalog()
                        .price(
                                SONNET_45,
                                "us-east-1",
                                T.toEpochMilli(),
                                new TokenCounts(1000, 100, 0, 0, 0)));
    }
}
