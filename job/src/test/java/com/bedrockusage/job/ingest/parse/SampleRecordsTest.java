package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.source.LogObjectReader;
import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.SyntheticLogs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every shared sample record, with expectations written by hand from reading the sample. */
class SampleRecordsTest {

    static final String SONNET_4_PROFILE =
            "arn:aws:bedrock:us-east-1:663981805246:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0";
    static final String ZAINZIA_ARN =
            "arn:aws:sts::663981805246:assumed-role/"
                    + "ie-staging-staging-claudeInvoker-us-east-1-lambdaRole/ie-staging-claudeInvoker";

    private final BedrockRecordParser parser = new BedrockRecordParser(Invocation.SOURCE_S3);

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SampleRecordsTest.class.getResourceAsStream("/ingest/" + name)) {
            return in.readAllBytes();
        }
    }

    static List<byte[]> lines(byte[] file) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                if (i > start) {
                    lines.add(java.util.Arrays.copyOfRange(file, start, i));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** Line {@code i} of example_records.jsonl. */
    private static byte[] exampleLine(int i) throws IOException {
        return lines(resource("example_records.jsonl")).get(i);
    }

    private Invocation parse(byte[] record) {
        Invocation inv = parser.parse(record, 0, record.length);
        assertThat(inv).as("reject reason %s", parser.reason()).isNotNull();
        return inv;
    }

    private String reject(byte[] record) {
        assertThat(parser.parse(record, 0, record.length)).isNull();
        return parser.reason();
    }

    private static byte[] replace(byte[] record, String from, String to) {
        String s = new String(record, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        return s.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    // ------------------------------------------------------------------ example_records.jsonl

    @Test
    void shouldRejectTheRedactedAccountIdOfTheConverseStreamSample() throws IOException {
        byte[] line = exampleLine(0);
        assertThat(reject(line)).isEqualTo("invalid-field:accountId");
    }

    @Test
    void shouldReadConverseStreamLatencyFromTheAggregatedBody() throws IOException {
        byte[] line = replace(exampleLine(0), "XXXXXXXXXXXXX", "123456789012");
        Invocation inv = parse(line);
        assertThat(inv.requestId).isEqualTo("ff4b6c63-5561-4431-93b8-06a817275900");
        assertThat(inv.eventTime).isEqualTo(millis("2025-03-11T00:38:02Z"));
        assertThat(inv.accountId).isEqualTo("123456789012");
        assertThat(inv.region).isEqualTo("us-east-1");
        assertThat(inv.inferenceRegion).isNull();
        assertThat(inv.callerArn).isEqualTo("arn:aws:iam::XXXXXXXXXXXX:user/dheeraj");
        assertThat(inv.operation).isEqualTo("ConverseStream");
        assertThat(inv.modelId).isEqualTo("amazon.nova-lite-v1:0");
        assertThat(inv.inputTokens).isEqualTo(4);
        assertThat(inv.outputTokens).isEqualTo(38);
        assertThat(inv.cacheReadTokens).isZero();
        assertThat(inv.cacheWriteTokens).isZero();
        assertThat(inv.cacheWrite1hTokens).isZero();
        assertThat(inv.latencyMs).isEqualTo(302L);
        assertThat(inv.firstByteLatencyMs).isNull();
        assertThat(inv.errorCode).isNull();
        assertThat(inv.metadataKeys).isEmpty();
        assertThat(inv.bodiesOffloaded).isFalse();
        assertThat(inv.source).isEqualTo(Invocation.SOURCE_S3);
    }

    @Test
    void shouldRejectDay99() throws IOException {
        assertThat(reject(exampleLine(1))).isEqualTo("invalid-timestamp");
    }

    @Test
    void shouldReadRequestMetadataOfTheConverseSample() throws IOException {
        byte[] line = replace(exampleLine(1), "2025-04-99", "2025-04-09");
        Invocation inv = parse(line);
        assertThat(inv.requestId).isEqualTo("915a6a04-3f83-4c70-a277-7fbf7ea546b3");
        assertThat(inv.eventTime).isEqualTo(millis("2025-04-09T23:00:17Z"));
        assertThat(inv.accountId).isEqualTo("654654377904");
        assertThat(inv.callerArn).isEqualTo("arn:aws:sts::xxxx");
        assertThat(inv.operation).isEqualTo("Converse");
        assertThat(inv.modelId).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(inv.inputTokens).isEqualTo(35);
        assertThat(inv.outputTokens).isEqualTo(446);
        assertThat(inv.latencyMs).isEqualTo(3640L);
        assertThat(inv.metadataKeys).containsExactly("traceId");
        assertThat(inv.metadataValues).containsExactly("b956002a-fd01-47ba-9da7-07e4c9b1a6b6");
        assertThat(inv.metadata("traceId")).isEqualTo("b956002a-fd01-47ba-9da7-07e4c9b1a6b6");
    }

    @Test
    void shouldRejectThePlaceholderTimestamp() throws IOException {
        assertThat(reject(exampleLine(2))).isEqualTo("invalid-timestamp");
    }

    @Test
    void shouldReadStreamingLatencyFromTheChunkCarryingInvocationMetrics() throws IOException {
        byte[] line =
                replace(
                        exampleLine(2),
                        "\"timestamp\": \"xxxxxxxxxxxxxxxxxxxxxxx\", \"accountId\": \"xxxxxxxxxxxxxxxxxxxxxxx\"",
                        "\"timestamp\": \"2024-01-31T10:00:00Z\", \"accountId\": \"000011112222\"");
        Invocation inv = parse(line);
        assertThat(inv.requestId).isEqualTo("xxxxxxxxxxxxxxxxxxxxxxx");
        assertThat(inv.eventTime).isEqualTo(millis("2024-01-31T10:00:00Z"));
        assertThat(inv.region).isEqualTo("ap-northeast-1");
        assertThat(inv.operation).isEqualTo("InvokeModelWithResponseStream");
        assertThat(inv.modelId).isEqualTo("anthropic.claude-v2:1");
        assertThat(inv.inputTokens).isEqualTo(10);
        assertThat(inv.outputTokens).isEqualTo(6);
        assertThat(inv.latencyMs).isEqualTo(765L);
        assertThat(inv.firstByteLatencyMs).isEqualTo(690L);
    }

    @Test
    void shouldIgnoreGuardrailLatencyAndUsageInsideTheInvokeModelBody() throws IOException {
        // the same call as zainzia record 13
        assertThat(ZAINZIA[13][0]).isEqualTo("81040d9e-05d0-43fa-8cc9-a8a1bfa65b10");
        assertZainziaCall(parse(exampleLine(3)), ZAINZIA[13]);
    }

    @Test
    void shouldAcceptAGuardrailBlockedCallWithoutTokenCounts() throws IOException {
        Invocation inv = parse(exampleLine(4));
        assertThat(inv.requestId).isEqualTo("d212a145-2b13-4eaf-9321-0ae94262d548");
        assertThat(inv.eventTime).isEqualTo(millis("2025-08-15T15:29:08Z"));
        assertThat(inv.inferenceRegion).isNull();
        assertThat(inv.inputTokens).isZero();
        assertThat(inv.outputTokens).isZero();
        assertThat(inv.latencyMs).isNull();
        assertThat(inv.errorCode).isNull();
    }

    @Test
    void shouldReadCacheCountsAndOffloadingOfTheOpusStream() throws IOException {
        Invocation inv = parse(exampleLine(5));
        assertThat(inv.requestId).isEqualTo("081f659f-fc8a-40ce-8a6b-688bcaa9c628");
        assertThat(inv.eventTime).isEqualTo(millis("2026-04-14T08:57:15Z"));
        assertThat(inv.accountId).isEqualTo("022346938362");
        assertThat(inv.region).isEqualTo("us-east-1");
        assertThat(inv.inferenceRegion).isEqualTo("ap-southeast-4");
        assertThat(inv.callerArn).isEqualTo("arn:aws:iam::022346938362:user/endpoint-priv-ec2-cli");
        assertThat(inv.operation).isEqualTo("InvokeModelWithResponseStream");
        assertThat(inv.modelId)
                .isEqualTo(
                        "arn:aws:bedrock:us-east-1:022346938362:inference-profile/global.anthropic.claude-opus-4-6-v1");
        assertThat(inv.inputTokens).isEqualTo(1);
        assertThat(inv.cacheReadTokens).isEqualTo(129709);
        assertThat(inv.cacheWriteTokens).isEqualTo(411);
        assertThat(inv.cacheWrite1hTokens).isZero();
        assertThat(inv.outputTokens).isEqualTo(326);
        assertThat(inv.bodiesOffloaded).isTrue();
        assertThat(inv.latencyMs).isNull();
    }

    @Test
    void shouldReadARecordLoggedWithoutBodies() throws IOException {
        Invocation inv = parse(exampleLine(6));
        assertNovaMicroCall(inv);
        assertThat(inv.latencyMs).isNull();
        assertThat(inv.bodiesOffloaded).isFalse();
    }

    /** Line 6 of example_records.jsonl, also the record of the subscription envelope sample. */
    private static void assertNovaMicroCall(Invocation inv) {
        assertThat(inv.requestId).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(inv.eventTime).isEqualTo(millis("2026-09-08T12:10:33Z"));
        assertThat(inv.accountId).isEqualTo("111111111111");
        assertThat(inv.region).isEqualTo("ap-northeast-1");
        assertThat(inv.callerArn).isEqualTo("arn:aws:sts::111111111111:assumed-role/...");
        assertThat(inv.operation).isEqualTo("Converse");
        assertThat(inv.modelId).isEqualTo("apac.amazon.nova-micro-v1:0");
        assertThat(inv.inputTokens).isEqualTo(1);
        assertThat(inv.outputTokens).isEqualTo(8);
    }

    @Test
    void shouldKeepTheErrorCodeOfAFailedCall() throws IOException {
        Invocation inv = parse(exampleLine(7));
        assertThat(inv.requestId).isEqualTo("00000000-0000-0000-0000-00000000000e");
        assertThat(inv.eventTime).isEqualTo(millis("2026-09-08T12:00:00Z"));
        assertThat(inv.modelId).isEqualTo("jp.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(inv.errorCode).isEqualTo("ResourceNotFoundException");
        assertThat(inv.isError()).isTrue();
        assertThat(inv.totalTokens()).isZero();
    }

    // ------------------------------------------------------------------ example_records.json
    // (pretty-printed)

    @Test
    void shouldParsePrettyPrintedRecordsLikeTheirCompactLines() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode wrapped = mapper.readTree(resource("example_records.json"));
        List<byte[]> compact = lines(resource("example_records.jsonl"));
        assertThat(wrapped).hasSize(8);
        for (int i = 0; i < 8; i++) {
            byte[] pretty =
                    mapper.writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(wrapped.get(i).get("record"));
            Invocation fromPretty = parser.parse(pretty, 0, pretty.length);
            String prettyReason = parser.reason();
            Invocation fromLine = parser.parse(compact.get(i), 0, compact.get(i).length);
            assertThat(prettyReason).as("record %d", i).isEqualTo(parser.reason());
            assertThat(fromPretty).as("record %d", i).isEqualTo(fromLine);
        }
    }

    // ------------------------------------------------------------------
    // zainzia_cloudwatch_records.json

    /**
     * requestId, timestamp, inferenceRegion, inputTokens, outputTokens, read off the file one by
     * one.
     */
    private static final String[][] ZAINZIA = {
        {"0c0500e6-c4ad-4390-b16f-9c3d24f9f76b", "2025-08-22T09:41:06Z", "us-west-2", "219", "109"},
        {"ff1da00e-d2dd-4fa4-907c-beedb9e11605", "2025-08-22T09:41:06Z", "us-east-2", "219", "109"},
        {"6ea3f570-37f5-4c75-93a7-2c71a492c24f", "2025-08-22T09:46:32Z", "us-west-2", "219", "106"},
        {"a3fd1093-db3d-4491-a6bc-868d72de901b", "2025-08-22T09:46:32Z", "us-west-2", "219", "109"},
        {"02eb4735-770d-4a21-9113-c53db06d31b0", "2025-08-22T09:49:15Z", "us-east-1", "219", "87"},
        {"8c5ad1df-d547-4064-ac1d-589ae1d87f8f", "2025-08-22T09:49:16Z", "us-east-1", "219", "109"},
        {"85b25dcd-78a7-4ad2-9cfa-166ecd6034d8", "2025-08-15T12:44:54Z", "us-east-2", "219", "109"},
        {"9081a09f-d387-4e2a-a2fe-3a6163392508", "2025-08-15T12:44:54Z", "us-east-1", "219", "109"},
        {"6309cd3c-be0d-4ba7-b7bf-5c9c28cfc30a", "2025-08-15T13:17:21Z", "us-east-2", "219", "85"},
        {"8c9b3d07-b595-4594-baca-bbfd89d1b907", "2025-08-15T13:17:21Z", "us-west-2", "219", "109"},
        {"34daea42-5bdf-4f1a-a1f1-9a5db4287f77", "2025-08-15T13:34:49Z", "us-west-2", "219", "108"},
        {"14a77d2d-88a4-460f-b596-cbf56c205227", "2025-08-15T13:34:49Z", "us-west-2", "219", "92"},
        {"f92e572f-5ed4-4f00-96b8-68c8a0938097", "2025-08-18T16:57:13Z", "us-east-2", "219", "110"},
        {"81040d9e-05d0-43fa-8cc9-a8a1bfa65b10", "2025-08-18T16:57:13Z", "us-east-1", "219", "108"},
        {"2707becd-2319-4a48-a192-e59cea3a6bdf", "2025-08-18T17:20:44Z", "us-west-2", "219", "109"},
        {"0264d1f7-fd49-432a-b7c1-57c23d53dc11", "2025-08-18T17:20:44Z", "us-west-2", "219", "109"},
        {"9f8af3cf-8530-4b0f-aafa-edb4e2acaabe", "2025-08-18T17:36:36Z", "us-west-2", "219", "109"},
        {"9585f45a-5b50-485f-84d9-6bb0652de13b", "2025-08-18T17:36:36Z", "us-west-2", "219", "112"},
        {"195e8828-dae0-4d4d-9d29-3a66a8bc0447", "2025-08-18T17:41:42Z", "us-east-2", "219", "96"},
        {"ba121563-a541-430b-95c8-b5418a935a43", "2025-08-18T17:41:42Z", "us-west-2", "219", "108"},
        {"d212a145-2b13-4eaf-9321-0ae94262d548", "2025-08-15T15:29:08Z", null, "0", "0"},
        {"e7c06d86-23bc-4156-98e0-3153d73f553d", "2025-08-15T15:15:01Z", null, "0", "0"},
        {"4d2568d3-e3bb-462f-8948-5023cd90e76d", "2025-08-15T15:04:59Z", null, "0", "0"},
        {"a0dc0578-f33c-4a44-b739-107d672d5662", "2025-08-15T14:39:40Z", "us-east-2", "219", "112"},
        {"089eede5-e3db-4ec3-ad08-601289d88b34", "2025-08-15T14:39:40Z", "us-west-2", "219", "109"},
    };

    @Test
    void shouldReadAllZainziaRecordsFromTheJsonArrayFile() throws IOException {
        List<IngestRecord> records = new ArrayList<>();
        try (LogObjectReader reader =
                new LogObjectReader(
                        SampleRecordsTest.class.getResourceAsStream(
                                "/ingest/zainzia_cloudwatch_records.json"),
                        "zainzia")) {
            for (IngestRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        assertThat(records).hasSize(ZAINZIA.length);
        for (int i = 0; i < ZAINZIA.length; i++) {
            Invocation inv = records.get(i).invocation;
            assertThat(inv).as("record %d: %s", i, records.get(i)).isNotNull();
            assertZainziaCall(inv, ZAINZIA[i]);
        }
    }

    /** One row of {@link #ZAINZIA}, and what all zainzia calls share. */
    private static void assertZainziaCall(Invocation inv, String[] row) {
        assertThat(inv.requestId).isEqualTo(row[0]);
        assertThat(inv.eventTime).isEqualTo(millis(row[1]));
        assertThat(inv.inferenceRegion).isEqualTo(row[2]);
        assertThat(inv.inputTokens).isEqualTo(Long.parseLong(row[3]));
        assertThat(inv.outputTokens).isEqualTo(Long.parseLong(row[4]));
        assertThat(inv.accountId).isEqualTo("663981805246");
        assertThat(inv.region).isEqualTo("us-east-1");
        assertThat(inv.callerArn).isEqualTo(ZAINZIA_ARN);
        assertThat(inv.operation).isEqualTo("InvokeModel");
        assertThat(inv.modelId).isEqualTo(SONNET_4_PROFILE);
        assertThat(new long[] {inv.cacheReadTokens, inv.cacheWriteTokens, inv.cacheWrite1hTokens})
                .as("cache read, write, 1h write")
                .containsOnly(0L);
        assertThat(inv.latencyMs).isNull();
        assertThat(inv.firstByteLatencyMs).isNull();
        assertThat(inv.errorCode).isNull();
        assertThat(inv.bodiesOffloaded).isFalse();
    }

    // ------------------------------------------------------------------ CloudWatch Logs envelopes

    @Test
    void shouldUnwrapTheSubscriptionEnvelopeSample() throws IOException {
        List<IngestRecord> out = new ArrayList<>();
        KinesisPayloadDecoder decoder = new KinesisPayloadDecoder();
        decoder.decode(
                SyntheticLogs.gzip(resource("cwl_subscription_envelope_example.json")),
                "shard-0:1",
                out::add);
        assertThat(out).hasSize(1);
        Invocation inv = out.get(0).invocation;
        assertThat(inv).isNotNull();
        assertNovaMicroCall(inv);
        assertThat(inv.source).isEqualTo(Invocation.SOURCE_KINESIS);
        assertThat(decoder.controlMessages()).isZero();
    }

    @Test
    void shouldCountAndSkipTheControlMessageSample() throws IOException {
        List<IngestRecord> out = new ArrayList<>();
        KinesisPayloadDecoder decoder = new KinesisPayloadDecoder();
        decoder.decode(
                SyntheticLogs.gzip(resource("cwl_control_message_example.json")),
                "shard-0:2",
                out::add);
        assertThat(out).isEmpty();
        assertThat(decoder.controlMessages()).isEqualTo(1);
    }
}
