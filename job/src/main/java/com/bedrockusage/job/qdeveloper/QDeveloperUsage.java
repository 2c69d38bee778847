package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.evaluate.AlertIds;
import com.bedrockusage.job.alerts.rules.AlertWindows;
import com.bedrockusage.job.pricing.SeenRequestIds;
import com.bedrockusage.job.state.Utf8StringTypeInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per user ({@code account|userId}): drops re-delivered prompt-log records (by requestId, as
 * Bedrock calls are), emits each new event, and keeps the user's days, conversations and alerts in
 * keyed state. After every change it emits the day's and the month's rows as they now stand (the
 * tables are upserts, so the last row wins), and the alerts the change crossed. State is restored
 * with the checkpoint, so a replay changes no total and fires nothing twice.
 */
public final class QDeveloperUsage
        extends KeyedProcessFunction<String, QDeveloperRecord, QDeveloperEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<QDeveloperDailyRow> DAILY =
            new OutputTag<>("q-developer-daily", TypeInformation.of(QDeveloperDailyRow.class));
    public static final OutputTag<QDeveloperMonthlyRow> MONTHLY =
            new OutputTag<>("q-developer-monthly", TypeInformation.of(QDeveloperMonthlyRow.class));
    public static final OutputTag<Alert> ALERTS =
            new OutputTag<>("q-developer-alerts", TypeInformation.of(Alert.class));

    static final long DAY = Duration.ofDays(1).toMillis();

    /**
     * Days are kept this long behind the watermark: this month, last month, and the spike baseline.
     */
    static final long DAYS_KEPT = 70 * DAY;

    /** A conversation idle this long (event time) is forgotten. */
    static final long CONVERSATIONS_KEPT = 35 * DAY;

    private final Duration dedupTtl;
    private final QDeveloperLimits limits;

    private transient SeenRequestIds seen;
    private transient MapState<Long, UserDay> days;
    private transient MapState<String, ConversationTotal> conversations;
    private transient MapState<Long, Long> monthMaxConversation;
    private transient MapState<String, Long> fired;

    public QDeveloperUsage(Duration dedupTtl, QDeveloperLimits limits) {
        this.dedupTtl = dedupTtl;
        this.limits = limits;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = SeenRequestIds.open(getRuntimeContext(), dedupTtl);
        days =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "q-days", Types.LONG, TypeInformation.of(UserDay.class)));
        conversations =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "q-conversations",
                                        Utf8StringTypeInfo.INSTANCE,
                                        TypeInformation.of(ConversationTotal.class)));
        monthMaxConversation =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "q-month-max-conversation", Types.LONG, Types.LONG));
        fired =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "q-alerts-fired", Utf8StringTypeInfo.INSTANCE, Types.LONG));
    }

    @Override
    public void processElement(QDeveloperRecord record, Context ctx, Collector<QDeveloperEvent> out)
            throws Exception {
        String accountId;
        String userId;
        long dayStart;
        long eventTime;
        List<Alert> alerts = new ArrayList<>();
        if (record.event != null) {
            QDeveloperEvent e = record.event;
            if (!seen.firstTime(e.requestId, e.eventTime, ctx.timerService())) {
                return;
            }
            out.collect(e);
            accountId = e.accountId;
            userId = e.userId;
            eventTime = e.eventTime;
            dayStart = Math.floorDiv(e.eventTime, DAY) * DAY;
            UserDay day = day(dayStart);
            day.add(e);
            days.put(dayStart, day);
            if (e.conversationId != null) {
                conversation(e, alerts);
            }
            if (QDeveloperKind.DEV.equals(e.kind)) {
                monthLimit(
                        QDeveloperAlerts.DEV_USES,
                        "/dev uses",
                        "q-dev-uses",
                        limits.devUsesPerMonth,
                        monthSum(dayStart, false),
                        e.accountId,
                        e.userId,
                        eventTime,
                        alerts);
            }
            spike(dayStart, day, e, alerts);
        } else {
            QDeveloperActivity a = record.activity;
            accountId = a.accountId;
            userId = a.userId;
            dayStart = a.dayStart;
            eventTime = a.dayStart + DAY - 1;
            UserDay day = day(dayStart);
            day.set(a);
            days.put(dayStart, day);
            ctx.timerService().registerEventTimeTimer(dayStart + DAYS_KEPT);
            if (a.transformationLines != null) {
                monthLimit(
                        QDeveloperAlerts.TRANSFORMATION_LINES,
                        "code transformation lines",
                        "q-transformation-lines",
                        limits.transformationLinesPerMonth,
                        monthSum(dayStart, true),
                        accountId,
                        userId,
                        eventTime,
                        alerts);
            }
        }
        ctx.output(DAILY, new QDeveloperDailyRow(dayStart, accountId, userId, days.get(dayStart)));
        ctx.output(MONTHLY, month(dayStart, accountId, userId));
        if (limits.alerts) {
            for (Alert a : alerts) {
                ctx.output(ALERTS, a);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QDeveloperEvent> out)
            throws Exception {
        seen.sweep(ctx.timerService());
        long watermark = ctx.timerService().currentWatermark();
        long oldest = watermark - DAYS_KEPT;
        for (Iterator<Map.Entry<Long, UserDay>> it = days.iterator(); it.hasNext(); ) {
            if (it.next().getKey() < oldest) {
                it.remove();
            }
        }
        for (Iterator<Map.Entry<Long, Long>> it = monthMaxConversation.iterator(); it.hasNext(); ) {
            if (it.next().getKey() < oldest) {
                it.remove();
            }
        }
        // a fired alert's value is its window start (a conversation's: the record that crossed)
        for (Iterator<Map.Entry<String, Long>> it = fired.iterator(); it.hasNext(); ) {
            if (it.next().getValue() < oldest) {
                it.remove();
            }
        }
        for (Iterator<Map.Entry<String, ConversationTotal>> it = conversations.iterator();
                it.hasNext(); ) {
            if (it.next().getValue().lastEventTime < watermark - CONVERSATIONS_KEPT) {
                it.remove();
            }
        }
    }

    private UserDay day(long dayStart) throws Exception {
        UserDay d = days.get(dayStart);
        if (d == null) {
            d = new UserDay();
        }
        return d;
    }

    private void conversation(QDeveloperEvent e, List<Alert> alerts) throws Exception {
        ConversationTotal c = conversations.get(e.conversationId);
        if (c == null) {
            c = new ConversationTotal();
        }
        long before = c.tokens;
        c.tokens += e.inputTokens + e.outputTokens;
        c.lastEventTime = Math.max(c.lastEventTime, e.eventTime);
        conversations.put(e.conversationId, c);
        long monthStart = monthStart(e.eventTime);
        Long max = monthMaxConversation.get(monthStart);
        if (max == null || c.tokens > max) {
            monthMaxConversation.put(monthStart, c.tokens);
        }
        long level = QDeveloperLimits.shareLevel(limits.contextWindowTokens);
        String key = "q-context-window-80pct|" + e.conversationId;
        if (before < level && c.tokens >= level && !fired.contains(key)) {
            fired.put(key, e.eventTime);
            Alert a =
                    QDeveloperAlerts.of(
                            "q-context-window-80pct",
                            "context window",
                            "threshold",
                            QDeveloperAlerts.CONVERSATION_TOKENS,
                            e.accountId,
                            e.userId,
                            "conversation",
                            monthStart,
                            monthEnd(monthStart),
                            c.tokens,
                            level,
                            e.eventTime);
            a.alertId = AlertIds.of(a.ruleId, a.scopeKey + "|" + e.conversationId, 0);
            a.description =
                    "Conversation "
                            + e.conversationId
                            + " has used an estimated "
                            + c.tokens
                            + " tokens, "
                            + QDeveloperLimits.ALERT_SHARE_PERCENT
                            + " % or more of the "
                            + limits.contextWindowTokens
                            + "-token context window.";
            alerts.add(a);
        }
    }

    /** The 80 % alert and the month-end forecast of one monthly limit. */
    private void monthLimit(
            String metric,
            String name,
            String rulePrefix,
            long limit,
            long used,
            String accountId,
            String userId,
            long eventTime,
            List<Alert> alerts)
            throws Exception {
        long monthStart = monthStart(eventTime);
        long monthEnd = monthEnd(monthStart);
        long level = QDeveloperLimits.shareLevel(limit);
        String shareRule = rulePrefix + "-80pct";
        if (used >= level && !fired.contains(shareRule + "|" + monthStart)) {
            fired.put(shareRule + "|" + monthStart, monthStart);
            Alert a =
                    QDeveloperAlerts.of(
                            shareRule,
                            name,
                            "threshold",
                            metric,
                            accountId,
                            userId,
                            "month",
                            monthStart,
                            monthEnd,
                            used,
                            level,
                            eventTime);
            a.description =
                    "User "
                            + userId
                            + " has used "
                            + used
                            + " of "
                            + limit
                            + " "
                            + name
                            + " this month.";
            alerts.add(a);
        }
        long elapsed = Math.min(eventTime + 1, monthEnd) - monthStart;
        String forecastRule = rulePrefix + "-forecast";
        if (used < limit
                && elapsed >= QDeveloperLimits.FORECAST_MIN_DAYS * DAY
                && !fired.contains(forecastRule + "|" + monthStart)) {
            BigDecimal forecast =
                    BigDecimal.valueOf(used)
                            .multiply(BigDecimal.valueOf(monthEnd - monthStart))
                            .divide(BigDecimal.valueOf(elapsed), 0, RoundingMode.HALF_EVEN);
            if (forecast.compareTo(BigDecimal.valueOf(limit)) > 0) {
                fired.put(forecastRule + "|" + monthStart, monthStart);
                Alert a =
                        QDeveloperAlerts.of(
                                forecastRule,
                                name + " forecast",
                                "forecast",
                                metric,
                                accountId,
                                userId,
                                "month",
                                monthStart,
                                monthEnd,
                                used,
                                limit,
                                eventTime);
                a.forecastValue = forecast;
                a.description =
                        "At this month's pace user "
                                + userId
                                + " reaches about "
                                + forecast.toPlainString()
                                + " "
                                + name
                                + " by "
                                + Instant.ofEpochMilli(monthEnd)
                                + ", over the limit of "
                                + limit
                                + ".";
                alerts.add(a);
            }
        }
    }

    /**
     * A day whose estimated tokens reach 3x the user's average over their earlier days with use.
     */
    private void spike(long dayStart, UserDay day, QDeveloperEvent e, List<Alert> alerts)
            throws Exception {
        String key = "q-daily-tokens-spike|" + dayStart;
        if (day.tokens() < QDeveloperLimits.SPIKE_MIN_TOKENS || fired.contains(key)) {
            return;
        }
        long sum = 0;
        int n = 0;
        for (int i = 1; i <= QDeveloperLimits.SPIKE_LOOKBACK_DAYS; i++) {
            UserDay earlier = days.get(dayStart - i * DAY);
            if (earlier != null && earlier.tokens() > 0) {
                sum += earlier.tokens();
                n++;
            }
        }
        if (n < QDeveloperLimits.SPIKE_MIN_DAYS) {
            return;
        }
        BigDecimal average =
                BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN);
        BigDecimal level = average.multiply(BigDecimal.valueOf(QDeveloperLimits.SPIKE_FACTOR));
        if (BigDecimal.valueOf(day.tokens()).compareTo(level) >= 0) {
            fired.put(key, dayStart);
            Alert a =
                    QDeveloperAlerts.of(
                            "q-daily-tokens-spike",
                            "daily tokens spike",
                            "spike",
                            QDeveloperAlerts.DAILY_TOKENS,
                            e.accountId,
                            e.userId,
                            "1d",
                            dayStart,
                            dayStart + DAY,
                            day.tokens(),
                            0,
                            e.eventTime);
            a.threshold = level;
            a.baselineValue = average;
            a.factor = BigDecimal.valueOf(QDeveloperLimits.SPIKE_FACTOR);
            a.description =
                    "User "
                            + e.userId
                            + " has used an estimated "
                            + day.tokens()
                            + " tokens today, "
                            + QDeveloperLimits.SPIKE_FACTOR
                            + "x or more their daily average of "
                            + average.toPlainString()
                            + " over the "
                            + n
                            + " earlier days with use in the last "
                            + QDeveloperLimits.SPIKE_LOOKBACK_DAYS
                            + ".";
            alerts.add(a);
        }
    }

    /**
     * Sum over the month's days: of prompt-log {@code /dev} events, or of reported transformation
     * lines.
     */
    private long monthSum(long dayStart, boolean transformationLines) throws Exception {
        long monthStart = monthStart(dayStart);
        long sum = 0;
        for (long d = monthStart; d < monthEnd(monthStart); d += DAY) {
            UserDay day = days.get(d);
            if (day != null) {
                sum +=
                        transformationLines
                                ? (day.transformationLines == null ? 0 : day.transformationLines)
                                : day.devEvents;
            }
        }
        return sum;
    }

    private QDeveloperMonthlyRow month(long dayStart, String accountId, String userId)
            throws Exception {
        QDeveloperMonthlyRow m = new QDeveloperMonthlyRow();
        m.monthStart = monthStart(dayStart);
        m.accountId = accountId;
        m.userId = userId;
        for (long d = m.monthStart; d < monthEnd(m.monthStart); d += DAY) {
            UserDay day = days.get(d);
            if (day == null) {
                continue;
            }
            m.chatEvents += day.chatEvents;
            m.inlineEvents += day.inlineEvents;
            m.devEvents += day.devEvents;
            m.inputTokens += day.inputTokens;
            m.outputTokens += day.outputTokens;
            if (day.transformationLines != null) {
                m.transformationLines =
                        (m.transformationLines == null ? 0 : m.transformationLines)
                                + day.transformationLines;
            }
        }
        Long max = monthMaxConversation.get(m.monthStart);
        m.maxConversationTokens = max == null ? 0 : max;
        m.devUsesLimit = limits.devUsesPerMonth;
        m.transformationLinesLimit = limits.transformationLinesPerMonth;
        m.contextWindowLimit = limits.contextWindowTokens;
        return m;
    }

    static long monthStart(long epochMillis) {
        return AlertWindows.start(AlertWindows.MONTH, epochMillis);
    }

    static long monthEnd(long monthStart) {
        return AlertWindows.end(AlertWindows.MONTH, monthStart);
    }
}
