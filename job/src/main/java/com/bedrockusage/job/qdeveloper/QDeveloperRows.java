package com.bedrockusage.job.qdeveloper;

import static com.bedrockusage.job.sink.RowValues.str;
import static com.bedrockusage.job.sink.RowValues.ts;

import com.bedrockusage.job.sink.ToRow;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/** The Q Developer POJOs as rows of their tables. */
final class QDeveloperRows {

    private QDeveloperRows() {}

    static final class Events extends ToRow<QDeveloperEvent> {
        private static final long serialVersionUID = 1L;

        Events() {
            super(QDeveloperTables.events());
        }

        @Override
        public RowData map(QDeveloperEvent e) {
            return GenericRowData.of(
                    str(e.requestId),
                    ts(e.eventTime),
                    str(e.accountId),
                    str(e.region),
                    str(e.userId),
                    str(e.kind),
                    e.inputTokens,
                    e.outputTokens,
                    str(e.conversationId),
                    str(e.source));
        }
    }

    static final class Daily extends ToRow<QDeveloperDailyRow> {
        private static final long serialVersionUID = 1L;

        Daily() {
            super(QDeveloperTables.daily());
        }

        @Override
        public RowData map(QDeveloperDailyRow r) {
            UserDay d = r.day;
            return GenericRowData.of(
                    ts(r.dayStart),
                    str(r.accountId),
                    str(r.userId),
                    d.chatEvents,
                    d.inlineEvents,
                    d.devEvents,
                    d.inputTokens,
                    d.outputTokens,
                    d.chatMessagesSent,
                    d.inlineSuggestions,
                    d.inlineAcceptances,
                    d.devGenerations,
                    d.transformationLines);
        }
    }

    static final class Monthly extends ToRow<QDeveloperMonthlyRow> {
        private static final long serialVersionUID = 1L;

        Monthly() {
            super(QDeveloperTables.monthly());
        }

        @Override
        public RowData map(QDeveloperMonthlyRow m) {
            return GenericRowData.of(
                    ts(m.monthStart),
                    str(m.accountId),
                    str(m.userId),
                    m.chatEvents,
                    m.inlineEvents,
                    m.devEvents,
                    m.inputTokens,
                    m.outputTokens,
                    m.transformationLines,
                    m.maxConversationTokens,
                    m.devUsesLimit,
                    m.transformationLinesLimit,
                    m.contextWindowLimit);
        }
    }
}
