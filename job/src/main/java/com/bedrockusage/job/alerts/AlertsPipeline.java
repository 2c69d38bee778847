package com.bedrockusage.job.alerts;

import com.bedrockusage.job.OperatorIds;
import com.bedrockusage.job.alerts.delivery.AlertJsonLinesSink;
import com.bedrockusage.job.alerts.delivery.AlertOutboxFactory;
import com.bedrockusage.job.alerts.delivery.NotSent;
import com.bedrockusage.job.alerts.delivery.SuppressedAlerts;
import com.bedrockusage.job.alerts.evaluate.RuleEvaluator;
import com.bedrockusage.job.alerts.evaluate.RuleHit;
import com.bedrockusage.job.alerts.evaluate.RuleMatcher;
import com.bedrockusage.job.alerts.rules.RulesException;
import com.bedrockusage.job.alerts.rules.RulesFile;
import com.bedrockusage.job.alerts.rules.RulesWatcher;
import com.bedrockusage.job.config.ConfigException;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.state.Utf8StringTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Alerting in one call. Topology:
 *
 * <pre>
 *   priced Invocation ----(chained)---> RuleMatcher (per matching rule, scope key and window: the calls
 *                                            ^     |        summed into a RuleHit, flushed every 100 ms)
 *   rules file, re-read by every subtask ----+     |
 *                                                  | keyBy(rule id | scope key)
 *                                                  v
 *                                            RuleEvaluator (running value per window; fires on crossing)
 *                                                  | Alert
 *                                                  v
 *                 AlertOutbox (p=1; waits in state, never backpressures; old data SUPPRESSED) or NotSent
 *                                                  | DeliveredAlert --> returned (+ JSON-lines file if set)
 * </pre>
 *
 * <p>Events need timestamps and watermarks upstream: windows are on event time, and the evaluator's
 * state is cleaned by event-time timers. Firing itself does not wait for watermarks.
 */
public final class AlertsPipeline {

    private AlertsPipeline() {}

    public static DataStream<DeliveredAlert> apply(
            DataStream<Invocation> priced, JobConfig config) {
        return apply(priced, AlertsSettings.from(config), null);
    }

    /**
     * @param announcements other messages for the alert topic (daily reports), delivered like
     *     alerts; may be null
     */
    public static DataStream<DeliveredAlert> apply(
            DataStream<Invocation> priced, JobConfig config, DataStream<Alert> announcements) {
        return apply(priced, AlertsSettings.from(config), announcements);
    }

    public static DataStream<DeliveredAlert> apply(
            DataStream<Invocation> priced, AlertsSettings s) {
        return apply(priced, s, null);
    }

    /**
     * @throws ConfigException when the rules file cannot be read or is invalid at startup (there
     *     are no previous rules to fall back on then; on later reloads a bad file is logged and
     *     skipped)
     */
    public static DataStream<DeliveredAlert> apply(
            DataStream<Invocation> priced, AlertsSettings s, DataStream<Alert> announcements) {
        RuleSet initial;
        try {
            initial = RulesWatcher.load(s.rulesPath, s.defaultsEnabled);
        } catch (RulesException e) {
            throw new ConfigException(e.getMessage() + " (alerts.rules)", e);
        }

        RulesFile rulesFile =
                new RulesFile(
                        s.rulesPath, s.defaultsEnabled, s.rulesInterval.toMillis(), s.watchRules);
        DataStream<RuleHit> hits =
                priced.transform(
                                "Match alert rules",
                                TypeInformation.of(RuleHit.class),
                                new RuleMatcher(initial, s.appPattern, rulesFile))
                        .uid(OperatorIds.ALERT_MATCHER);

        DataStream<Alert> alerts =
                hits.keyBy(h -> h.key, Utf8StringTypeInfo.INSTANCE)
                        .process(
                                new RuleEvaluator(s.allowedLateness.toMillis()),
                                TypeInformation.of(Alert.class))
                        .uid(OperatorIds.ALERT_EVALUATOR)
                        .name("Evaluate alert rules");
        if (announcements != null) {
            alerts = alerts.union(announcements);
        }

        SuppressedAlerts suppressed = new SuppressedAlerts(s.maxAge);
        SingleOutputStreamOperator<DeliveredAlert> delivered;
        if (s.sns.enabled()) {
            // p=1: max-in-flight and max-pending bound the whole job's requests and waiting alerts
            delivered =
                    alerts.transform(
                                    "Publish alerts to SNS",
                                    TypeInformation.of(DeliveredAlert.class),
                                    new AlertOutboxFactory(s.sns, suppressed, s.maxPending))
                            .setParallelism(1)
                            .uid(OperatorIds.ALERT_SNS_DELIVERY);
        } else {
            delivered =
                    alerts.map(new NotSent(suppressed), TypeInformation.of(DeliveredAlert.class))
                            .uid(OperatorIds.ALERT_NOT_SENT)
                            .name("Record alerts (no SNS topic)");
        }

        if (s.jsonlPath != null) {
            delivered
                    .sinkTo(new AlertJsonLinesSink(s.jsonlPath))
                    .setParallelism(1)
                    .uid(OperatorIds.ALERT_JSONL_SINK)
                    .name("Alerts to " + s.jsonlPath);
        }
        return delivered;
    }
}
