package com.bedrockusage.job.ingest.parse;

import static com.bedrockusage.job.ingest.parse.BoundedOutcomes.assertReasoned;
import static com.bedrockusage.job.ingest.parse.BoundedOutcomes.assertWithinBounds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.testing.SyntheticLogs;
import com.bedrockusage.job.usage.UsageAccumulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutates the shared sample records (the copies under {@code src/test/resources/ingest}) at random
 * and feeds them to both parse entry points: {@link BedrockRecordParser} (S3 log lines) and {@link
 * KinesisPayloadDecoder} (CloudWatch Logs envelopes, plain or gzip). Nothing may throw; every
 * outcome is an invocation within {@link RecordBounds} or a reject with a reason; and the accepted
 * invocations sum without a negative or wrapped total.
 *
 * <p>Reproducible: the seed is fixed unless {@code -Dfuzz.seed=N} is given, the case count is
 * {@code -Dfuzz.cases=N}; a failure names the seed, the case and the input (base64).
 */
class RecordFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_202L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 4000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<byte[]> seeds;

    @BeforeAll
    static void loadSeeds() throws IOException {
        seeds = new ArrayList<>();
        for (byte[] line :
                SampleRecordsTest.lines(SampleRecordsTest.resource("example_records.jsonl"))) {
            seeds.add(line);
        }
        for (JsonNode entry : JSON.readTree(SampleRecordsTest.resource("example_records.json"))) {
            seeds.add(JSON.writeValueAsBytes(entry.get("record")));
        }
        for (JsonNode record :
                JSON.readTree(SampleRecordsTest.resource("zainzia_cloudwatch_records.json"))) {
            seeds.add(JSON.writeValueAsBytes(record));
        }
        SyntheticLogs logs = new SyntheticLogs(3);
        seeds.add(
                logs.converse(
                                "synthetic-converse",
                                Instant.parse("2025-08-18T16:00:00Z"),
                                "us-east-1",
                                300)
                        .getBytes(StandardCharsets.UTF_8));
        // Redacted account ids reject every mutant early; valid copies reach the deeper checks.
        int n = seeds.size();
        for (int i = 0; i < n; i++) {
            String text = new String(seeds.get(i), StandardCharsets.UTF_8);
            seeds.add(
                    text.replaceAll(
                                    "\"accountId\"\\s*:\\s*\"[^\"]*\"",
                                    "\"accountId\": \"123456789012\"")
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldOnlyAcceptBoundedInvocationsAndRejectEverythingElseWithAReason() {
        Random random = new Random(SEED);
        RecordMutator mutator = new RecordMutator(random);
        BedrockRecordParser parser = new BedrockRecordParser(Invocation.SOURCE_S3);
        List<Invocation> accepted = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutator.mutate(seeds.get(random.nextInt(seeds.size())));
            Supplier<String> context = context(i, input);
            Invocation inv = null;
            try {
                inv = parser.parse(input, 0, input.length);
            } catch (Throwable t) {
                fail(context.get() + " threw " + t, t);
            }
            if (inv != null) {
                assertWithinBounds(inv, context);
                accepted.add(inv);
            } else {
                assertReasoned(parser.reason(), context);
                rejected++;
            }
        }
        assertThat(accepted).as("accepted mutants (seed %d)", SEED).hasSizeGreaterThan(CASES / 20);
        assertThat(rejected).as("rejected mutants (seed %d)", SEED).isGreaterThan(CASES / 4);
        assertSumsNeverNegativeOrWrapped(accepted);
    }

    @Test
    void shouldDecodeMutatedKinesisPayloadsIntoBoundedInvocationsOrReasonedRejects()
            throws Exception {
        Random random = new Random(SEED + 1);
        RecordMutator mutator = new RecordMutator(random);
        KinesisPayloadDecoder decoder = new KinesisPayloadDecoder();
        byte[] sampleEnvelope =
                SampleRecordsTest.resource("cwl_subscription_envelope_example.json");
        List<Invocation> accepted = new ArrayList<>();
        int cases = Math.max(1, CASES / 2);
        for (int i = 0; i < cases; i++) {
            byte[] payload = kinesisPayload(random, mutator, sampleEnvelope);
            Supplier<String> context = context(i, payload);
            List<IngestRecord> out = new ArrayList<>();
            try {
                decoder.decode(payload, "shardId-000000000000:" + i, out::add);
            } catch (Throwable t) {
                fail(context.get() + " threw " + t, t);
            }
            for (IngestRecord record : out) {
                assertThat(record.invocation == null)
                        .as(context)
                        .isNotEqualTo(record.rejected == null);
                if (record.invocation != null) {
                    assertWithinBounds(record.invocation, context);
                    accepted.add(record.invocation);
                } else {
                    assertReasoned(record.rejected.reason, context);
                }
            }
        }
        assertThat(accepted).as("accepted Kinesis mutants (seed %d)", SEED).isNotEmpty();
        assertSumsNeverNegativeOrWrapped(accepted);
    }

    /**
     * A damaged envelope, an envelope of damaged records, or a damaged bare record; gzip or not,
     * before or after.
     */
    private static byte[] kinesisPayload(
            Random random, RecordMutator mutator, byte[] sampleEnvelope) throws Exception {
        byte[] payload;
        switch (random.nextInt(4)) {
            case 0:
                payload = mutator.mutate(sampleEnvelope);
                break;
            case 1:
                {
                    String[] messages = new String[1 + random.nextInt(3)];
                    for (int m = 0; m < messages.length; m++) {
                        byte[] record = seeds.get(random.nextInt(seeds.size()));
                        messages[m] =
                                new String(
                                        random.nextBoolean() ? mutator.mutate(record) : record,
                                        StandardCharsets.UTF_8);
                    }
                    payload =
                            KinesisPayloadDecoderTest.envelope(
                                    "DATA_MESSAGE", random.nextBoolean(), messages);
                    break;
                }
            case 2:
                {
                    String message =
                            new String(
                                    seeds.get(random.nextInt(seeds.size())),
                                    StandardCharsets.UTF_8);
                    payload =
                            mutator.mutate(
                                    KinesisPayloadDecoderTest.envelope(
                                            "DATA_MESSAGE", false, message));
                    break;
                }
            default:
                payload = mutator.mutate(seeds.get(random.nextInt(seeds.size())));
                break;
        }
        if (random.nextBoolean()) {
            payload = SyntheticLogs.gzip(payload);
            if (random.nextInt(4) == 0) {
                payload = mutator.mutate(payload); // a damaged gzip stream
            }
        }
        return payload;
    }

    /**
     * The accepted invocations summed from zero must equal their exact (BigInteger) sums; summed
     * onto totals as high as months at the caps could leave, they must stop at {@code
     * Long.MAX_VALUE}, never wrap negative.
     */
    private static void assertSumsNeverNegativeOrWrapped(List<Invocation> accepted) {
        UsageAccumulator fresh = new UsageAccumulator();
        UsageAccumulator nearFull = new UsageAccumulator();
        long start = Long.MAX_VALUE - 3 * RecordBounds.MAX_TOKENS;
        nearFull.inputTokens = start;
        nearFull.outputTokens = start;
        nearFull.cacheReadTokens = start;
        nearFull.cacheWriteTokens = start;
        nearFull.latencySumMs = start;
        BigInteger[] exact = {
            BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO
        };
        for (Invocation inv : accepted) {
            fresh.add(inv);
            nearFull.add(inv);
            long[] values = {
                inv.inputTokens,
                inv.outputTokens,
                inv.cacheReadTokens,
                inv.cacheWriteTokens,
                inv.latencyMs == null ? 0 : inv.latencyMs
            };
            for (int k = 0; k < values.length; k++) {
                exact[k] = exact[k].add(BigInteger.valueOf(values[k]));
            }
            assertSums(nearFull, k -> BigInteger.valueOf(start).add(exact[k]));
        }
        assertSums(fresh, k -> exact[k]);
        UsageAccumulator merged = new UsageAccumulator().merge(fresh).merge(nearFull);
        assertSums(merged, k -> BigInteger.valueOf(start).add(exact[k].shiftLeft(1)));
    }

    private interface ExactSum {
        BigInteger of(int field);
    }

    private static void assertSums(UsageAccumulator acc, ExactSum exact) {
        long[] sums = {
            acc.inputTokens,
            acc.outputTokens,
            acc.cacheReadTokens,
            acc.cacheWriteTokens,
            acc.latencySumMs
        };
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        for (int k = 0; k < sums.length; k++) {
            assertThat(sums[k])
                    .as("sum %d (seed %d)", k, SEED)
                    .isNotNegative()
                    .isEqualTo(exact.of(k).min(max).longValueExact());
        }
    }

    /** Built only when an assertion fails: seed, case and input, enough to replay the case. */
    private static Supplier<String> context(int index, byte[] input) {
        return () -> {
            String b64 = Base64.getEncoder().encodeToString(input);
            return "seed "
                    + SEED
                    + " case "
                    + index
                    + " input(base64, first 4000 chars) "
                    + b64.substring(0, Math.min(b64.length(), 4000));
        };
    }
}
