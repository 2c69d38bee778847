package com.bedrockusage.job.ingest.source;

import com.bedrockusage.job.MetricNames;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which log locations the continuous S3 source could not list at its last discovery, as a log line
 * and two metrics in the group MSF forwards to CloudWatch: {@value
 * MetricNames#S3_LOCATIONS_UNREADABLE} (locations unreadable now) and {@value
 * MetricNames#S3_LOCATION_LISTINGS_FAILED} (failed listings so far). Called on the coordinator
 * thread only.
 */
final class UnreadableLogLocations {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableLogLocations.class);

    /** Failed listings in a row, per location key. */
    private final Map<String, Integer> failuresInARow = new HashMap<>();

    private final Counter failedListings;

    /** The size of {@link #failuresInARow}, for the metric reporter's thread. */
    private volatile int unreadable;

    UnreadableLogLocations(SplitEnumeratorContext<?> context) {
        MetricGroup group = context.metricGroup().addGroup(MetricNames.GROUP);
        group.gauge(MetricNames.S3_LOCATIONS_UNREADABLE, this::count);
        failedListings = group.counter(MetricNames.S3_LOCATION_LISTINGS_FAILED);
    }

    void listed(String location) {
        Integer failures = failuresInARow.remove(location);
        if (failures != null) {
            unreadable = failuresInARow.size();
            LOG.info(
                    "Log location {} can be listed again after {} failed listings; reading what it missed",
                    location,
                    failures);
        }
    }

    void failed(String location, Exception error) {
        int failures = failuresInARow.merge(location, 1, Integer::sum);
        unreadable = failuresInARow.size();
        failedListings.inc();
        String message =
                "Log location {} is unreadable ({} failed listings in a row): its new objects wait, the other"
                        + " locations go on; retrying at the next discovery: {}";
        if (failures == 1) {
            LOG.warn(message, location, failures, RetryingLogObjectReader.describe(error), error);
        } else {
            LOG.warn(message, location, failures, RetryingLogObjectReader.describe(error));
        }
    }

    int count() {
        return unreadable;
    }
}
