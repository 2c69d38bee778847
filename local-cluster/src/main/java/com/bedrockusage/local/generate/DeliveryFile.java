package com.bedrockusage.local.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One delivered log object: its S3 key relative to the bucket and the records it holds, in order.
 * {@code payloads} are the records whose offloaded input body objects go under this file's {@code
 * data/}.
 */
record DeliveryFile(
        String key,
        String accountId,
        String region,
        long folderHour,
        List<PlannedRecord> lines,
        List<PlannedRecord> payloads) {

    /** {@code AWSLogs/{account}/BedrockModelInvocationLogs/{region}/YYYY/MM/DD/HH/}. */
    static String folder(String accountId, String region, long folderHour) {
        ZonedDateTime t = Instant.ofEpochSecond(folderHour * 3600).atZone(ZoneOffset.UTC);
        return String.format(
                "AWSLogs/%s/BedrockModelInvocationLogs/%s/%04d/%02d/%02d/%02d/",
                accountId, region, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
    }
}
