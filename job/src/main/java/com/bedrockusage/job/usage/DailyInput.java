package com.bedrockusage.job.usage;

import com.bedrockusage.job.model.Invocation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * What {@link DailyTotals} receives: exactly one of a daily window's row or an invocation too late
 * for that window, with the (usage key, window start) key both share. A Flink POJO (a union type
 * without Kryo).
 */
public class DailyInput {

    /** {@link UsageKey} + U+001F + window start (epoch millis). */
    public String key;

    public UsageRow windowRow;
    public Invocation late;

    public DailyInput() {}

    public static DailyInput ofRow(UsageRow row) {
        DailyInput in = new DailyInput();
        in.key = key(row.usageKey(), row.windowStart);
        in.windowRow = row;
        return in;
    }

    /**
     * @param windowSizeMs the size of the window the invocation was too late for (tumbling, offset
     *     0)
     */
    public static DailyInput ofLate(Invocation inv, long windowSizeMs) {
        return ofLate(inv, windowSizeMs, CallerKey.ARN);
    }

    /**
     * @param callerKey as the windows were keyed, so the late call corrects its own row
     */
    public static DailyInput ofLate(Invocation inv, long windowSizeMs, CallerKey callerKey) {
        DailyInput in = new DailyInput();
        in.key = key(UsageKey.of(inv, callerKey), windowStart(inv.eventTime, windowSizeMs));
        in.late = inv;
        return in;
    }

    /**
     * The start of the tumbling window (offset 0, like {@code TumblingEventTimeWindows.of(size)})
     * holding ts.
     */
    public static long windowStart(long timestamp, long windowSizeMs) {
        return TimeWindow.getWindowStartWithOffset(timestamp, 0, windowSizeMs);
    }

    static String key(String usageKey, long windowStart) {
        return usageKey + UsageKey.SEPARATOR + windowStart;
    }

    static String usageKeyOf(String key) {
        return key.substring(0, key.lastIndexOf(UsageKey.SEPARATOR));
    }

    static long windowStartOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf(UsageKey.SEPARATOR) + 1));
    }

    @Override
    public String toString() {
        return "DailyInput{" + (windowRow != null ? windowRow : "late " + late) + "}";
    }

    /** {@code keyBy(new DailyInput.Selector(), Utf8StringTypeInfo.INSTANCE)}. */
    public static final class Selector implements KeySelector<DailyInput, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(DailyInput in) {
            return in.key;
        }
    }
}
