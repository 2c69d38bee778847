package com.bedrockusage.job.alerts.evaluate;

import static com.bedrockusage.job.state.CompactEncoding.readDecimal;
import static com.bedrockusage.job.state.CompactEncoding.readEnum;
import static com.bedrockusage.job.state.CompactEncoding.readString;
import static com.bedrockusage.job.state.CompactEncoding.readStrings;
import static com.bedrockusage.job.state.CompactEncoding.readVarLong;
import static com.bedrockusage.job.state.CompactEncoding.readZigZag;
import static com.bedrockusage.job.state.CompactEncoding.writeDecimal;
import static com.bedrockusage.job.state.CompactEncoding.writeEnum;
import static com.bedrockusage.job.state.CompactEncoding.writeString;
import static com.bedrockusage.job.state.CompactEncoding.writeStrings;
import static com.bedrockusage.job.state.CompactEncoding.writeVarLong;
import static com.bedrockusage.job.state.CompactEncoding.writeZigZag;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.Contributors;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.alerts.RuleKind;
import com.bedrockusage.job.alerts.ScopeType;
import com.bedrockusage.job.state.MutableRecordSerializer;
import com.bedrockusage.job.usage.LatencySketch;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * An explicit serializer for {@link RuleHit}, which crosses the network from the matcher to the
 * evaluator with its rule, its contributors (up to {@value Contributors#CAPACITY} caller ARNs) and,
 * for p99 rules, a latency sketch. The POJO serializer reads every field of the three by reflection
 * and builds every String character by character; this one writes them in a fixed order with {@link
 * com.bedrockusage.job.state.CompactEncoding}. Enums go by name. Hits live only in flight (the
 * matcher flushes before each checkpoint barrier), never in state.
 *
 * <p>Versioned, so a hit written by an older build (in-flight data of an unaligned checkpoint)
 * still reads: a hit starts with its key, which is never null, so the null-string byte {@code 0}
 * marks the versioned format and is followed by {@link #FORMAT}. A hit that starts otherwise is of
 * the first format, without the generation sums.
 */
public final class RuleHitSerializer extends MutableRecordSerializer<RuleHit> {

    private static final long serialVersionUID = 1L;
    public static final RuleHitSerializer INSTANCE = new RuleHitSerializer();

    /**
     * 2: adds the generation sums of {@code latency_per_output_token_ms}. 3: the rule as a
     * length-prefixed block, which {@link RuleBlocks} encodes and decodes once per rule.
     */
    static final int FORMAT = 3;

    private transient RuleBlocks ruleBlocks;

    @Override
    public RuleHit createInstance() {
        return new RuleHit();
    }

    /**
     * A deep copy through the wire format; off the hot path, as hits only ever cross the network.
     */
    @Override
    public RuleHit copy(RuleHit from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            serialize(from, out);
            return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + from, e);
        }
    }

    @Override
    public void serialize(RuleHit hit, DataOutputView out) throws IOException {
        out.writeByte(0);
        writeVarLong(FORMAT, out);
        writeString(hit.key, out);
        ruleBlocks().write(hit.rule, out);
        writeString(hit.scopeKey, out);
        writeZigZag(hit.windowStart, out);
        writeZigZag(hit.windowEnd, out);
        writeZigZag(hit.eventTime, out);
        writeString(hit.accountId, out);
        writeZigZag(hit.invocations, out);
        writeZigZag(hit.errors, out);
        writeZigZag(hit.unpriced, out);
        writeZigZag(hit.inputTokens, out);
        writeZigZag(hit.outputTokens, out);
        writeZigZag(hit.totalTokens, out);
        writeDecimal(hit.costUsd, out);
        writeZigZag(hit.latencyCount, out);
        writeZigZag(hit.latencySumMs, out);
        writeZigZag(hit.generations, out);
        writeZigZag(hit.generationLatencySumMs, out);
        writeZigZag(hit.generationOutputTokens, out);
        writeSketch(hit.latency, out);
        writeContributors(hit.contributors, out);
    }

    @Override
    public RuleHit deserialize(DataInputView in) throws IOException {
        RuleHit hit = new RuleHit();
        long head = readVarLong(in);
        int format = 1;
        if (head == 0) {
            format = (int) readVarLong(in);
            if (format > FORMAT) {
                throw new IOException(
                        "rule hit of format " + format + ", newer than this build's " + FORMAT);
            }
            hit.key = readString(in);
        } else {
            if (head - 1 > Integer.MAX_VALUE - 8) {
                throw new IOException("rule hit key length out of range: " + (head - 1));
            }
            byte[] key = new byte[(int) (head - 1)];
            in.readFully(key);
            hit.key = new String(key, StandardCharsets.UTF_8);
        }
        hit.rule = format >= 3 ? ruleBlocks().read(in) : readRule(in);
        hit.scopeKey = readString(in);
        hit.windowStart = readZigZag(in);
        hit.windowEnd = readZigZag(in);
        hit.eventTime = readZigZag(in);
        hit.accountId = readString(in);
        hit.invocations = readZigZag(in);
        hit.errors = readZigZag(in);
        hit.unpriced = readZigZag(in);
        hit.inputTokens = readZigZag(in);
        hit.outputTokens = readZigZag(in);
        hit.totalTokens = readZigZag(in);
        hit.costUsd = readDecimal(in);
        hit.latencyCount = readZigZag(in);
        hit.latencySumMs = readZigZag(in);
        if (format >= 2) {
            hit.generations = readZigZag(in);
            hit.generationLatencySumMs = readZigZag(in);
            hit.generationOutputTokens = readZigZag(in);
        }
        hit.latency = readSketch(in);
        hit.contributors = readContributors(in);
        return hit;
    }

    static void writeRule(AlertRule rule, DataOutputView out) throws IOException {
        out.writeBoolean(rule != null);
        if (rule == null) {
            return;
        }
        writeString(rule.id, out);
        writeString(rule.name, out);
        writeString(rule.description, out);
        writeEnum(rule.kind, out);
        writeEnum(rule.metric, out);
        writeEnum(rule.scopeType, out);
        writeString(rule.scopeTag, out);
        writeString(rule.window, out);
        writeZigZag(rule.windowMillis, out);
        writeString(rule.severity, out);
        writeDecimal(rule.threshold, out);
        writeZigZag(rule.minInvocations, out);
        writeDecimal(rule.factor, out);
        writeZigZag(rule.baselineWindows, out);
        writeDecimal(rule.minVolume, out);
        writeZigZag(rule.minElapsedMillis, out);
        writeStrings(rule.accounts, out);
        writeStrings(rule.models, out);
        writeString(rule.arnContains, out);
    }

    static AlertRule readRule(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        AlertRule rule = new AlertRule();
        rule.id = readString(in);
        rule.name = readString(in);
        rule.description = readString(in);
        rule.kind = readEnum(RuleKind.class, in);
        rule.metric = readEnum(Metric.class, in);
        rule.scopeType = readEnum(ScopeType.class, in);
        rule.scopeTag = readString(in);
        rule.window = readString(in);
        rule.windowMillis = readZigZag(in);
        rule.severity = readString(in);
        rule.threshold = readDecimal(in);
        rule.minInvocations = readZigZag(in);
        rule.factor = readDecimal(in);
        rule.baselineWindows = (int) readZigZag(in);
        rule.minVolume = readDecimal(in);
        rule.minElapsedMillis = readZigZag(in);
        rule.accounts = readStrings(in);
        rule.models = readStrings(in);
        rule.arnContains = readString(in);
        return rule;
    }

    private static void writeSketch(LatencySketch sketch, DataOutputView out) throws IOException {
        out.writeBoolean(sketch != null);
        if (sketch != null) {
            sketch.write(out);
        }
    }

    private static LatencySketch readSketch(DataInputView in) throws IOException {
        return in.readBoolean() ? LatencySketch.read(in) : null;
    }

    private static void writeContributors(Contributors c, DataOutputView out) throws IOException {
        out.writeBoolean(c != null);
        if (c == null) {
            return;
        }
        out.writeBoolean(c.approximate);
        writeVarLong(c.names.length, out);
        for (int i = 0; i < c.names.length; i++) {
            writeString(c.names[i], out);
            writeDecimal(c.costs[i], out);
            writeZigZag(c.invocations[i], out);
        }
    }

    private static Contributors readContributors(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Contributors c = new Contributors();
        c.approximate = in.readBoolean();
        int n = (int) readVarLong(in);
        c.names = new String[n];
        c.costs = new BigDecimal[n];
        c.invocations = new long[n];
        for (int i = 0; i < n; i++) {
            c.names[i] = readString(in);
            c.costs[i] = readDecimal(in);
            c.invocations[i] = readZigZag(in);
        }
        return c;
    }

    private RuleBlocks ruleBlocks() {
        RuleBlocks blocks = ruleBlocks;
        if (blocks == null) {
            blocks = new RuleBlocks();
            ruleBlocks = blocks;
        }
        return blocks;
    }

    @Override
    public TypeSerializerSnapshot<RuleHit> snapshotConfiguration() {
        return new RuleHitSerializerSnapshot();
    }

    /** Stateless: restores to the singleton. */
    public static final class RuleHitSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<RuleHit> {
        public RuleHitSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
