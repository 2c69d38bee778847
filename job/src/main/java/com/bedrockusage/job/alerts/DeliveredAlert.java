package com.bedrockusage.job.alerts;

/**
 * An alert and how its delivery went. Every fired alert comes out as exactly one of these. A Flink
 * POJO.
 */
public class DeliveredAlert {

    /** SNS accepted it ({@link #messageId} is SNS's id). */
    public static final String DELIVERED = "DELIVERED";

    /** SNS refused it for good, or kept failing for all attempts ({@link #error} says why). */
    public static final String FAILED = "FAILED";

    /**
     * Not published yet: SNS was slow, refused it for now, or it waits its turn; a later row says
     * how it ended.
     */
    public static final String PENDING = "PENDING";

    /** About data older than {@code alerts.max-age} (e.g. a backfill): recorded, not published. */
    public static final String SUPPRESSED = "SUPPRESSED";

    /** No topic is configured ({@code alerts.sns.topic-arn} empty): the alert is only recorded. */
    public static final String NOT_SENT = "NOT_SENT";

    public Alert alert;
    public String status;
    public int attempts;
    public String messageId;
    public String error;

    /** Wall-clock time the outcome was known, epoch millis. */
    public long completedAt;

    public DeliveredAlert() {}

    public static DeliveredAlert of(
            Alert alert, String status, int attempts, String messageId, String error) {
        DeliveredAlert d = new DeliveredAlert();
        d.alert = alert;
        d.status = status;
        d.attempts = attempts;
        d.messageId = messageId;
        d.error = error;
        d.completedAt = System.currentTimeMillis();
        return d;
    }

    public boolean isDelivered() {
        return DELIVERED.equals(status);
    }

    @Override
    public String toString() {
        return "DeliveredAlert{"
                + status
                + " after "
                + attempts
                + " attempt(s)"
                + (messageId != null ? " " + messageId : "")
                + (error != null ? " error=" + error : "")
                + " "
                + alert
                + "}";
    }
}
