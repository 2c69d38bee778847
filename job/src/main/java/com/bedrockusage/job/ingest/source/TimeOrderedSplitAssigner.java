package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.ingest.parse.Iso8601;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;
import org.apache.flink.core.fs.Path;

/**
 * Hands out log objects oldest first, across every account and region under the root.
 *
 * <p>Why: listing yields {@code AWSLogs/{account}/…/{region}/yyyy/mm/dd/hh/} in path order, so a
 * backfill would read one account and region to its end before the next. Event time would then race
 * ahead on the first and make every later call "late": each would re-fire its minute, hour and day
 * windows and upsert their rows again (several times the rows, and calls beyond the allowed
 * lateness lost to the windows). In time order the watermark follows the data.
 *
 * <p>An object's time is the delivery timestamp Bedrock puts at the start of its name ({@code
 * 20261101T000437232Z_…json.gz}), else the start of its hour folder; objects with neither come
 * last.
 */
final class TimeOrderedSplitAssigner implements FileSplitAssigner {

    static final Comparator<FileSourceSplit> OLDEST_FIRST =
            Comparator.comparingLong((FileSourceSplit split) -> deliveredAt(split.path()))
                    .thenComparing(split -> split.path().toString());

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private final PriorityQueue<FileSourceSplit> remaining = new PriorityQueue<>(OLDEST_FIRST);

    TimeOrderedSplitAssigner(Collection<FileSourceSplit> splits) {
        remaining.addAll(splits);
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        return Optional.ofNullable(remaining.poll());
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> splits) {
        remaining.addAll(splits);
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        return new ArrayList<>(remaining);
    }

    /**
     * Epoch millis of the object's delivery, or {@link Long#MAX_VALUE} when its path tells neither.
     */
    static long deliveredAt(Path path) {
        String name = path.getName();
        long fromName = nameTimestamp(name);
        if (fromName != Long.MIN_VALUE) {
            return fromName;
        }
        // .../yyyy/mm/dd/hh/name: the hour folder's start
        long[] span = BedrockLogPathFilter.hourOf(path);
        return span == null ? Long.MAX_VALUE : span[0];
    }

    /** {@code yyyyMMdd'T'HHmmssSSS'Z'} at the start of the name, or {@link Long#MIN_VALUE}. */
    private static long nameTimestamp(String name) {
        if (name.length() < 19 || name.charAt(8) != 'T' || name.charAt(18) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = number(name.substring(0, 4), 4);
        int month = number(name.substring(4, 6), 2);
        int day = number(name.substring(6, 8), 2);
        int hour = number(name.substring(9, 11), 2);
        int minute = number(name.substring(11, 13), 2);
        int second = number(name.substring(13, 15), 2);
        int millis = number(name.substring(15, 18), 3);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 60
                || millis < 0) {
            return Long.MIN_VALUE;
        }
        return Iso8601.daysFromCivil(year, month, day) * DAY
                + hour * HOUR
                + minute * 60_000L
                + second * 1000L
                + millis;
    }

    /** The value of {@code s} if it is exactly {@code digits} decimal digits, else -1. */
    private static int number(String s, int digits) {
        if (s.length() != digits) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Serializable factory for {@code FileSource.setSplitAssigner}. */
    static final class Provider implements FileSplitAssigner.Provider {
        private static final long serialVersionUID = 1L;

        @Override
        public FileSplitAssigner create(Collection<FileSourceSplit> initialSplits) {
            return new TimeOrderedSplitAssigner(initialSplits);
        }
    }
}
