package com.bedrockusage.job.testing;

import com.bedrockusage.job.model.Invocation;
import java.math.BigDecimal;
import java.time.Instant;

/** Test invocations with sensible defaults; tweak the public fields after {@link #call}. */
public final class Invocations {

    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "us-east-1";
    public static final String CALLER = "arn:aws:iam::111122223333:role/app";
    public static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    private Invocations() {}

    public static Invocation call(String requestId, String isoTime) {
        return call(requestId, Instant.parse(isoTime).toEpochMilli());
    }

    public static Invocation call(String requestId, long eventTime) {
        Invocation inv = new Invocation();
        inv.requestId = requestId;
        inv.eventTime = eventTime;
        inv.accountId = ACCOUNT;
        inv.region = REGION;
        inv.callerArn = CALLER;
        inv.operation = "Converse";
        inv.modelId = HAIKU;
        inv.inputTokens = 1000;
        inv.outputTokens = 200;
        inv.source = Invocation.SOURCE_KINESIS;
        return inv;
    }

    /**
     * A call as the pricing stage leaves it, with a cost of {@code cost} USD split as input = cost,
     * others zero.
     */
    public static Invocation priced(String requestId, long eventTime, String cost, Long latencyMs) {
        Invocation inv = call(requestId, eventTime);
        inv.model = HAIKU;
        inv.priced = true;
        inv.costUsd = new BigDecimal(cost);
        inv.inputCostUsd = new BigDecimal(cost);
        inv.outputCostUsd = BigDecimal.ZERO;
        inv.cacheReadCostUsd = BigDecimal.ZERO;
        inv.cacheWriteCostUsd = BigDecimal.ZERO;
        inv.priceRow = HAIKU + "|*|2024-01-01T00:00:00Z";
        inv.latencyMs = latencyMs;
        return inv;
    }
}
