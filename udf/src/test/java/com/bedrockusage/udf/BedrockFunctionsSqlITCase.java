package com.bedrockusage.udf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The functions through the planner and runtime: type inference, overloads, NULLs, settings. */
class BedrockFunctionsSqlITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final String CALLS =
            "(VALUES "
                    + "('anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-east-1', "
                    + "  'arn:aws:sts::123456789012:assumed-role/Checkout-BedrockRole/sess-1', "
                    + "  CAST(1000 AS BIGINT), CAST(500 AS BIGINT), CAST(2000 AS BIGINT), CAST(1000 AS BIGINT), "
                    + "  CAST(400 AS BIGINT)),"
                    + "('acme.unknown-v1', 'us-east-1', 'not an arn', CAST(1 AS BIGINT), CAST(1 AS BIGINT), "
                    + "  CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)),"
                    + "(CAST(NULL AS STRING), 'us-east-1', CAST(NULL AS STRING), CAST(1 AS BIGINT), CAST(1 AS BIGINT), "
                    + "  CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT))"
                    + ") AS t(model_id, region, caller_arn, input_tokens, output_tokens, cache_read_tokens, "
                    + "cache_write_tokens, cache_write_1h_tokens)";

    private static TableEnvironment batch() {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.getConfig().set("table.local-time-zone", "UTC");
        tEnv.getConfig().set("parallelism.default", "2");
        return tEnv;
    }

    @Test
    void shouldComputeCostsAndAttributionInSql() throws Exception {
        List<Row> rows =
                queryWithTheFunctions(
                        "SELECT "
                                + "BEDROCK_COST(model_id, region, CAST(TIMESTAMP '2026-11-03 10:15:00' AS TIMESTAMP_LTZ(6)), "
                                + "  input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cache_write_1h_tokens), "
                                + "BEDROCK_COST(model_id, region, TIMESTAMP '2026-11-03 10:15:00', "
                                + "  input_tokens, output_tokens, cache_read_tokens, cache_write_tokens), "
                                + "BEDROCK_MODEL(model_id), MODEL_PROVIDER(model_id), INFERENCE_PROFILE_SCOPE(model_id), "
                                + "CALLER_PRINCIPAL(caller_arn), CALLER_APP(caller_arn), CALLER_SESSION(caller_arn), "
                                + "BEDROCK_COST(model_id, region, CAST(TIMESTAMP '2026-11-03 10:15:00' AS TIMESTAMP_LTZ(6)), "
                                + "  input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cache_write_1h_tokens, "
                                + "  'standard', CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS BIGINT)), "
                                + "BEDROCK_COST(model_id, region, CAST(TIMESTAMP '2026-11-03 10:15:00' AS TIMESTAMP_LTZ(6)), "
                                + "  input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cache_write_1h_tokens, "
                                + "  'flex', CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS BIGINT)) "
                                + "FROM "
                                + CALLS);

        assertThat(rows).hasSize(3);
        Row sonnet =
                rows.stream()
                        .filter(r -> "anthropic".equals(r.getField(3)))
                        .findFirst()
                        .orElseThrow();
        assertThat(sonnet.getField(0)).isEqualTo(new BigDecimal("0.015750000000"));
        // without the 1h argument all 1000 written tokens are billed at the 5-minute rate
        assertThat(sonnet.getField(1)).isEqualTo(new BigDecimal("0.014850000000"));
        assertThat(sonnet.getField(2)).isEqualTo("anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(sonnet.getField(4)).isEqualTo("none");
        assertThat(sonnet.getField(5)).isEqualTo("Checkout-BedrockRole");
        assertThat(sonnet.getField(6)).isEqualTo("Checkout");
        assertThat(sonnet.getField(7)).isEqualTo("sess-1");
        // the accounting variant: the standard tier prices as the eight-argument form, a tier
        // without rows is NULL
        assertThat(sonnet.getField(8)).isEqualTo(new BigDecimal("0.015750000000"));
        assertThat(sonnet.getField(9)).isNull();
        for (Row other : rows) {
            if (other != sonnet) {
                assertThat(other.getField(0)).isNull();
                assertThat(other.getField(2)).isNull();
                assertThat(other.getField(5)).isNull();
            }
        }
    }

    @Test
    void shouldSumCostsAsExactDecimalsAndAcceptIntegerLiterals() throws Exception {
        List<Row> rows =
                queryWithTheFunctions(
                        "SELECT SUM(BEDROCK_COST(m, 'us-east-1', "
                                + "TIMESTAMP '2026-11-03 00:00:00', 1, 1, 0, 0)) FROM (VALUES ('anthropic.claude-3-haiku-20240307-v1:0'),"
                                + " ('anthropic.claude-3-haiku-20240307-v1:0'), ('acme.unknown')) AS t(m)");

        // 2 x (0.25 + 1.25) / 1e6; the unpriced call adds nothing
        assertThat(rows)
                .singleElement()
                .satisfies(
                        r ->
                                assertThat((BigDecimal) r.getField(0))
                                        .isEqualByComparingTo("0.000003"));
    }

    @Test
    void shouldTakeTheAppPatternFromAJobParameterWhenCreatedByClassName() throws Exception {
        TableEnvironment tEnv = batch();
        tEnv.getConfig().set("pipeline.global-job-parameters", "bedrock.app-pattern:^svc-(.+)$");
        tEnv.executeSql("CREATE TEMPORARY FUNCTION CALLER_APP AS 'com.bedrockusage.udf.CallerApp'");

        List<Row> rows =
                collect(
                        tEnv.executeSql(
                                "SELECT CALLER_APP(a) FROM (VALUES "
                                        + "('arn:aws:sts::1:assumed-role/svc-ledger/x'), ('arn:aws:sts::1:assumed-role/Checkout-BedrockRole/x')"
                                        + ") AS t(a) ORDER BY 1"));

        assertThat(rows).extracting(r -> r.getField(0)).containsExactly(null, "ledger");
    }

    private static List<Row> queryWithTheFunctions(String sql) throws Exception {
        TableEnvironment tEnv = batch();
        BedrockFunctions.register(tEnv);
        return collect(tEnv.executeSql(sql));
    }

    private static List<Row> collect(TableResult result) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
