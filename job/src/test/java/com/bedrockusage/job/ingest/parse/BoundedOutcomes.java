package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.model.Invocation;
import java.util.function.Supplier;

/**
 * What the fuzz tests require of every parse outcome: an invocation within all bounds, or a reject
 * with a reason.
 */
final class BoundedOutcomes {

    /**
     * A reason is a short constant, optionally with a field name: it becomes a metric name, so no
     * record data.
     */
    private static final String REASON = "[a-z]+(-[a-z]+)*(:[A-Za-z]+(\\.[A-Za-z]+)?)?";

    private BoundedOutcomes() {}

    static void assertWithinBounds(Invocation inv, Supplier<String> context) {
        assertThat(inv.requestId)
                .as(context)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(RecordBounds.MAX_REQUEST_ID_CHARS);
        assertThat(inv.accountId).as(context).matches("[0-9]{12}");
        assertThat(inv.modelId)
                .as(context)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(RecordBounds.MAX_MODEL_ID_CHARS);
        assertAtMost(inv.callerArn, RecordBounds.MAX_ARN_CHARS, context);
        assertAtMost(inv.region, RecordBounds.MAX_REGION_CHARS, context);
        assertAtMost(inv.inferenceRegion, RecordBounds.MAX_REGION_CHARS, context);
        assertAtMost(inv.operation, RecordBounds.MAX_OPERATION_CHARS, context);
        assertAtMost(inv.errorCode, RecordBounds.MAX_ERROR_CODE_CHARS, context);
        for (long tokens :
                new long[] {
                    inv.inputTokens, inv.outputTokens, inv.cacheReadTokens, inv.cacheWriteTokens
                }) {
            assertThat(tokens).as(context).isBetween(0L, RecordBounds.MAX_TOKENS);
        }
        assertThat(inv.cacheWrite1hTokens).as(context).isBetween(0L, inv.cacheWriteTokens);
        if (inv.latencyMs != null) {
            assertThat(inv.latencyMs).as(context).isBetween(0L, RecordBounds.MAX_LATENCY_MS);
        }
        if (inv.firstByteLatencyMs != null) {
            assertThat(inv.firstByteLatencyMs)
                    .as(context)
                    .isBetween(0L, RecordBounds.MAX_LATENCY_MS);
        }
        assertThat(inv.metadataKeys)
                .as(context)
                .hasSameSizeAs(inv.metadataValues)
                .hasSizeLessThanOrEqualTo(RecordBounds.MAX_METADATA_ENTRIES);
        for (int i = 0; i < inv.metadataKeys.length; i++) {
            assertAtMost(inv.metadataKeys[i], RecordBounds.MAX_METADATA_CHARS, context);
            assertAtMost(inv.metadataValues[i], RecordBounds.MAX_METADATA_CHARS, context);
        }
        assertThat(inv.source).as(context).isNotNull();
    }

    static void assertReasoned(String reason, Supplier<String> context) {
        assertThat(reason)
                .as(context)
                .isNotNull()
                .matches(REASON)
                .hasSizeLessThanOrEqualTo(64)
                .doesNotStartWith(RejectReason.PARSER_ERROR);
    }

    private static void assertAtMost(String value, int maxChars, Supplier<String> context) {
        if (value != null) {
            assertThat(value.length()).as(context).isLessThanOrEqualTo(maxChars);
        }
    }
}
