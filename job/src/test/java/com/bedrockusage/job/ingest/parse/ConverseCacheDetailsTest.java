package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Converse logs the 1-hour/5-minute cache-write split as {@code usage.cacheDetails}. */
class ConverseCacheDetailsTest {

    private static Invocation parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new BedrockRecordParser(Invocation.SOURCE_S3).parse(bytes, 0, bytes.length);
    }

    private static String converse(String usage) {
        return "{\"timestamp\":\"2026-11-01T10:00:00Z\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\","
                + "\"requestId\":\"r-1\",\"operation\":\"Converse\",\"modelId\":\"us.anthropic.claude-sonnet-4-5-20250929-v1:0\","
                + "\"identity\":{\"arn\":\"arn:aws:iam::111122223333:user/alice\"},"
                + "\"input\":{\"inputTokenCount\":10,\"cacheWriteInputTokenCount\":3000},"
                + "\"output\":{\"outputBodyJson\":{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"hi\"}]}},"
                + "\"metrics\":{\"latencyMs\":120},\"usage\":"
                + usage
                + "},\"outputTokenCount\":5},"
                + "\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\"}";
    }

    @Test
    void shouldTakeTheOneHourPartOfCacheWritesFromCacheDetails() {
        Invocation inv =
                parse(
                        converse(
                                "{\"inputTokens\":10,\"outputTokens\":5,\"cacheWriteInputTokens\":3000,"
                                        + "\"cacheDetails\":[{\"ttl\":\"1h\",\"inputTokens\":2000},{\"ttl\":\"5m\",\"inputTokens\":1000}]}"));
        assertThat(inv).isNotNull();
        assertThat(inv.cacheWriteTokens).isEqualTo(3000);
        assertThat(inv.cacheWrite1hTokens).isEqualTo(2000);
        assertThat(inv.latencyMs).isEqualTo(120L);
    }

    @Test
    void shouldTreatCacheWritesAsFiveMinuteWritesWithoutDetails() {
        Invocation inv = parse(converse("{\"inputTokens\":10,\"outputTokens\":5}"));
        assertThat(inv.cacheWriteTokens).isEqualTo(3000);
        assertThat(inv.cacheWrite1hTokens).isZero();
    }
}
