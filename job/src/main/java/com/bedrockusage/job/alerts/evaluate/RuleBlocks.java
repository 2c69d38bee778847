package com.bedrockusage.job.alerts.evaluate;

import static com.bedrockusage.job.state.CompactEncoding.readVarLong;
import static com.bedrockusage.job.state.CompactEncoding.writeVarLong;

import com.bedrockusage.job.alerts.AlertRule;
import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The rule inside every {@link RuleHit} on the wire, as a length-prefixed block of its encoding.
 * Every hit carries its whole rule (the evaluator judges a hit by the rule that matched it), yet a
 * job has only a few rules: so the writer encodes each rule object once and the reader decodes each
 * distinct block once, and both reuse the result (profiled: the rule's strings were a fifth of the
 * alert path's CPU). A decoded rule is shared by the hits that carried the same bytes, so rules are
 * read-only once parsed.
 *
 * <p>Both caches are small open-addressed tables that only ever hold immutable entries, so a race
 * between threads sharing one serializer costs at most a second encoding, never a wrong rule: the
 * reader compares the whole block before it reuses a rule.
 */
final class RuleBlocks {

    private static final int SLOTS = 64;

    /**
     * Slots looked at from an entry's home slot, so a few colliding rules do not evict each other.
     */
    private static final int PROBES = 4;

    private static final int MAX_BLOCK_BYTES = 1 << 20;

    private static final class Entry {
        final AlertRule rule;
        final byte[] block;

        Entry(AlertRule rule, byte[] block) {
            this.rule = rule;
            this.block = block;
        }
    }

    private Entry[] written;
    private Entry[] read;

    void write(AlertRule rule, DataOutputView out) throws IOException {
        byte[] block = blockOf(rule);
        writeVarLong(block.length, out);
        out.write(block);
    }

    AlertRule read(DataInputView in) throws IOException {
        long length = readVarLong(in);
        if (length < 0 || length > MAX_BLOCK_BYTES) {
            throw new IOException("rule block length out of range: " + length);
        }
        byte[] block = new byte[(int) length];
        in.readFully(block);
        Entry[] cache = read;
        if (cache == null) {
            cache = new Entry[SLOTS];
            read = cache;
        }
        int slot = slotOf(block);
        for (int probe = 0; probe < PROBES; probe++) {
            Entry e = cache[(slot + probe) % SLOTS];
            if (e != null && Arrays.equals(e.block, block)) {
                return e.rule;
            }
        }
        AlertRule rule = RuleHitSerializer.readRule(new DataInputDeserializer(block));
        cache[freeSlot(cache, slot)] = new Entry(rule, block);
        return rule;
    }

    private byte[] blockOf(AlertRule rule) throws IOException {
        Entry[] cache = written;
        if (cache == null) {
            cache = new Entry[SLOTS];
            written = cache;
        }
        int slot = (System.identityHashCode(rule) & 0x7fffffff) % SLOTS;
        for (int probe = 0; probe < PROBES; probe++) {
            Entry e = cache[(slot + probe) % SLOTS];
            if (e != null && e.rule == rule) {
                return e.block;
            }
        }
        DataOutputSerializer out = new DataOutputSerializer(256);
        RuleHitSerializer.writeRule(rule, out);
        byte[] block = out.getCopyOfBuffer();
        cache[freeSlot(cache, slot)] = new Entry(rule, block);
        return block;
    }

    /** The first empty slot of the probed ones, else the home slot (its entry is dropped). */
    private static int freeSlot(Entry[] cache, int slot) {
        for (int probe = 0; probe < PROBES; probe++) {
            if (cache[(slot + probe) % SLOTS] == null) {
                return (slot + probe) % SLOTS;
            }
        }
        return slot;
    }

    /** The rule id comes first in a block: its bytes and the length tell rules apart. */
    private static int slotOf(byte[] block) {
        int h = block.length;
        for (int i = 0, n = Math.min(block.length, 48); i < n; i++) {
            h = 31 * h + block[i];
        }
        return (h & 0x7fffffff) % SLOTS;
    }
}
