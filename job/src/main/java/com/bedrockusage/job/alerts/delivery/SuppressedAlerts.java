package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.alerts.rules.RuleScopes;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Alerts about old data are recorded but not published. Windows follow event time, so a backfill of
 * last March re-lives every crossing March had; nobody wants those e-mails on the day they deploy.
 * What is held back is announced instead, at most once an hour, by one {@link #KIND} message.
 */
public final class SuppressedAlerts implements Serializable {

    static final String KIND = "notice";
    static final String RULE_ID = "suppressed-alerts";

    /**
     * The first suppressed alert waits this long for the rest of its burst before the notice goes
     * out.
     */
    static final long GATHER_MILLIS = Duration.ofMinutes(1).toMillis();

    static final long NOTICE_INTERVAL_MILLIS = Duration.ofHours(1).toMillis();

    private static final long serialVersionUID = 1L;

    private final Duration maxAge;

    public SuppressedAlerts(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /**
     * True when the call that crossed is older than the maximum age at {@code now}. Notices are
     * never stale.
     */
    boolean isStale(Alert alert, long now) {
        return !maxAge.isZero()
                && !KIND.equals(alert.kind)
                && now - alert.eventTime > maxAge.toMillis();
    }

    /**
     * When the notice for suppressions that began at {@code firstAt} may go out, given the previous
     * notice.
     */
    static long noticeDue(long firstAt, long lastNoticeAt) {
        return Math.max(firstAt + GATHER_MILLIS, lastNoticeAt + NOTICE_INTERVAL_MILLIS);
    }

    /**
     * The notice for {@code count} suppressed alerts; its id is fixed per hour, so a replay
     * replaces it.
     */
    Alert notice(long count, long now) {
        String age =
                maxAge.toMinutes() % 60 == 0 ? maxAge.toHours() + "h" : maxAge.toMinutes() + "m";
        long hour = now - now % NOTICE_INTERVAL_MILLIS;
        Alert a =
                Announcements.of(
                        RULE_ID,
                        "suppressed alerts",
                        KIND,
                        Metric.INVOCATIONS.wireName(),
                        "all",
                        "1h",
                        hour,
                        hour + NOTICE_INTERVAL_MILLIS,
                        BigDecimal.valueOf(count),
                        BigDecimal.ZERO);
        a.scopeKey = RuleScopes.GLOBAL_KEY;
        a.eventTime = now;
        a.firedAt = now;
        a.description =
                count
                        + " alert"
                        + (count == 1 ? "" : "s")
                        + " about data older than "
                        + age
                        + " were suppressed; see the alerts table (delivery_status = 'SUPPRESSED').\n\n"
                        + "They come from event-time windows of old data, e.g. a backfill. Set alerts.max-age to change the "
                        + "age, or 0 to publish them all.\nAs of "
                        + Instant.ofEpochMilli(now)
                        + ".\n";
        return a;
    }
}
