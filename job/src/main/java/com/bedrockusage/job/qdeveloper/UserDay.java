package com.bedrockusage.job.qdeveloper;

/**
 * One user's Q Developer use on one UTC day: counted from prompt logs, plus the day's user-activity
 * report row when one was delivered (null otherwise). Keyed state and the {@code
 * q_developer_usage_daily} row. A Flink POJO.
 */
public class UserDay {

    public long chatEvents;
    public long inlineEvents;
    public long devEvents;
    public long inputTokens;
    public long outputTokens;
    public Long chatMessagesSent;
    public Long inlineSuggestions;
    public Long inlineAcceptances;
    public Long devGenerations;
    public Long transformationLines;

    public UserDay() {}

    void add(QDeveloperEvent e) {
        switch (e.kind) {
            case QDeveloperKind.CHAT:
                chatEvents++;
                break;
            case QDeveloperKind.INLINE:
                inlineEvents++;
                break;
            default:
                devEvents++;
        }
        inputTokens += e.inputTokens;
        outputTokens += e.outputTokens;
    }

    /** A report row replaces the previous one of its day: a re-delivered report changes nothing. */
    void set(QDeveloperActivity a) {
        chatMessagesSent = a.chatMessagesSent;
        inlineSuggestions = a.inlineSuggestions;
        inlineAcceptances = a.inlineAcceptances;
        devGenerations = a.devGenerations;
        transformationLines = a.transformationLines;
    }

    long tokens() {
        return inputTokens + outputTokens;
    }
}
