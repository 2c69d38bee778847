package com.bedrockusage.job.alerts;

import com.bedrockusage.job.alerts.delivery.SnsClients;
import com.bedrockusage.job.alerts.delivery.SnsDelivery;
import com.bedrockusage.job.alerts.rules.FileSystemRulesSource;
import com.bedrockusage.job.alerts.rules.RulesException;
import com.bedrockusage.job.alerts.rules.RulesParser;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.reconcile.AccountDayDelta;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * Rules on {@code reconciliation_delta_pct}: a reconciliation run measures, per account and day,
 * how far the meter is from the bill (|metered − billed| in % of billed) and fires the rules of the
 * same rules file through the same SNS delivery as the streaming job. Such rules are {@code
 * threshold} rules per {@code account} (or {@code global}) over {@code 1d}; the streaming job skips
 * them.
 */
public final class ReconciliationAlerts {

    private static final long DAY_MILLIS = 86_400_000L;

    private ReconciliationAlerts() {}

    public static void validate(AlertRule r, List<String> problems) {
        if (r.kind != RuleKind.THRESHOLD) {
            problems.add(
                    RulesParser.at(r.id, "kind")
                            + "reconciliation_delta_pct rules are threshold rules");
        }
        if (r.scopeType != ScopeType.ACCOUNT && r.scopeType != ScopeType.GLOBAL) {
            problems.add(
                    RulesParser.at(r.id, "scope")
                            + "reconciliation_delta_pct is measured per account (or "
                            + "global), not per "
                            + r.scopeLabel());
        }
        if (r.windowMillis != DAY_MILLIS) {
            problems.add(
                    RulesParser.at(r.id, "window")
                            + "reconciliation_delta_pct is measured per day: use 1d");
        }
        if (r.models.length > 0 || r.arnContains != null) {
            problems.add(
                    RulesParser.at(r.id, "models")
                            + "reconciliation_delta_pct rules filter by accounts only");
        }
    }

    /**
     * The enabled rules on {@code reconciliation_delta_pct} of the job's rules file (and defaults).
     */
    public static List<AlertRule> rules(JobConfig config) throws RulesException {
        AlertsSettings s = AlertsSettings.from(config);
        String text = s.rulesPath == null ? null : FileSystemRulesSource.INSTANCE.read(s.rulesPath);
        List<AlertRule> out = new ArrayList<>();
        for (AlertRule r :
                RulesParser.parse(
                        text, s.rulesPath == null ? "defaults" : s.rulesPath, s.defaultsEnabled)) {
            if (r.metric.isReconciliation()) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The alerts the deltas fire. An account-day with nothing billed but something metered has no
     * percentage (the bill is likely not complete yet) and fires nothing; the reconciliation row
     * says {@code metered_only}.
     */
    public static List<Alert> evaluate(
            List<AlertRule> rules, List<AccountDayDelta> deltas, long firedAt) {
        List<Alert> alerts = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (!rule.metric.isReconciliation()) {
                continue;
            }
            for (AccountDayDelta d : scoped(rule, deltas)) {
                BigDecimal pct = d.absPct();
                if (pct != null && pct.compareTo(rule.threshold) >= 0) {
                    alerts.add(alert(rule, d, pct, firedAt));
                }
            }
        }
        return alerts;
    }

    private static List<AccountDayDelta> scoped(AlertRule rule, List<AccountDayDelta> deltas) {
        List<AccountDayDelta> kept = new ArrayList<>();
        for (AccountDayDelta d : deltas) {
            if (rule.accounts.length == 0 || Arrays.asList(rule.accounts).contains(d.accountId)) {
                kept.add(d);
            }
        }
        if (rule.scopeType == ScopeType.ACCOUNT) {
            return kept;
        }
        Map<String, AccountDayDelta> byDay = new LinkedHashMap<>();
        for (AccountDayDelta d : kept) {
            byDay.merge(
                    d.day.toString(),
                    AccountDayDelta.of(d.day, "all", d.meteredCostUsd, d.billedCostUsd),
                    (a, b) ->
                            AccountDayDelta.of(
                                    a.day,
                                    "all",
                                    a.meteredCostUsd.add(b.meteredCostUsd),
                                    a.billedCostUsd.add(b.billedCostUsd)));
        }
        return new ArrayList<>(byDay.values());
    }

    private static Alert alert(AlertRule rule, AccountDayDelta d, BigDecimal pct, long firedAt) {
        long start = d.day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Alert a = Alert.of(rule, d.accountId, start, start + DAY_MILLIS);
        a.description =
                (rule.description == null ? "" : rule.description + " ")
                        + "Metered $"
                        + d.meteredCostUsd.toPlainString()
                        + ", billed $"
                        + d.billedCostUsd.toPlainString()
                        + " on "
                        + d.day
                        + " (difference $"
                        + d.differenceUsd().toPlainString()
                        + ").";
        a.observedValue = pct;
        a.threshold = rule.threshold;
        a.windowCostUsd = d.meteredCostUsd;
        a.accountId = rule.scopeType == ScopeType.ACCOUNT ? d.accountId : null;
        a.eventTime = start;
        a.firedAt = firedAt;
        return a;
    }

    /**
     * Publishes the alerts with the job's SNS settings and retries, waiting at most {@code
     * timeoutMillis} in all. Without a topic nothing is sent: every alert comes back {@link
     * DeliveredAlert#NOT_SENT}.
     */
    public static List<DeliveredAlert> deliver(
            List<Alert> alerts, SnsSettings settings, long timeoutMillis) {
        List<DeliveredAlert> out = new ArrayList<>();
        if (!settings.enabled()) {
            for (Alert a : alerts) {
                out.add(
                        DeliveredAlert.of(
                                a, DeliveredAlert.NOT_SENT, 0, null, "no SNS topic configured"));
            }
            return out;
        }
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "reconciliation-alerts");
                            t.setDaemon(true);
                            return t;
                        });
        try (SnsAsyncClient client = SnsClients.create(settings)) {
            SnsDelivery delivery =
                    new SnsDelivery(client, scheduler, settings, (alert, n, cause) -> {});
            List<CompletableFuture<DeliveredAlert>> pending = new ArrayList<>();
            for (Alert a : alerts) {
                pending.add(delivery.publish(a));
            }
            long deadline = System.currentTimeMillis() + timeoutMillis;
            for (int i = 0; i < pending.size(); i++) {
                try {
                    out.add(
                            pending.get(i)
                                    .get(
                                            Math.max(1, deadline - System.currentTimeMillis()),
                                            TimeUnit.MILLISECONDS));
                } catch (Exception e) {
                    out.add(
                            DeliveredAlert.of(
                                    alerts.get(i),
                                    DeliveredAlert.FAILED,
                                    0,
                                    null,
                                    SnsDelivery.describe(e)));
                }
            }
        } finally {
            scheduler.shutdownNow();
        }
        return out;
    }
}
