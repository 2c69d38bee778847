package com.bedrockusage.job.alerts;

import java.math.BigDecimal;

/**
 * One invocation as seen by one rule: the scope key it counts under, its window, and the values the rule's metric
 * needs. Carries the rule itself so the evaluator needs no second copy of the rules. A Flink POJO.
 */
public class RuleHit {

    /** The evaluator's key: rule id and scope key. */
    public String key;
    public AlertRule rule;
    public String scopeKey;
    public long windowStart;
    public long windowEnd;
    public long eventTime;
    public String accountId;
    /** The caller (or, under a caller scope, the model) for the top-contributors list. */
    public String contributor;
    public long inputTokens;
    public long outputTokens;
    public long totalTokens;
    /** Null when the invocation is unpriced. */
    public BigDecimal costUsd;
    public boolean error;
    public Long latencyMs;

    public RuleHit() {}

    static String key(String ruleId, String scopeKey) {
        // rule ids cannot contain '|' (see RulesParser), so the split is unambiguous
        return ruleId + "|" + scopeKey;
    }

    @Override
    public String toString() {
        return "RuleHit{" + key + " @" + windowStart + " t=" + eventTime + "}";
    }
}
