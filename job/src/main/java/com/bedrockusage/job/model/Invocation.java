package com.bedrockusage.job.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One Bedrock model invocation: the metadata of a log record, never its prompt or response text.
 *
 * <p>Public fields and a no-arg constructor; serialized by {@link InvocationSerializer} (no
 * reflection, no Kryo). The ingest stage fills the log fields; the pricing stage fills the fields
 * below {@link #model}. A new field must be added to the serializer too.
 */
@TypeInfo(InvocationTypeInfo.Factory.class)
public class Invocation {

    public static final String SOURCE_S3 = "s3";
    public static final String SOURCE_KINESIS = "kinesis";

    public String requestId;

    /** Event time: the record's {@code timestamp}, epoch millis UTC. */
    public long eventTime;

    public String accountId;

    /** Source region of the call; it selects the price row. */
    public String region;

    public String inferenceRegion;
    public String callerArn;
    public String operation;

    /** Model id exactly as logged: bare id, inference profile id or ARN. */
    public String modelId;

    /** Input tokens excluding cache reads and writes, as Bedrock logs them. */
    public long inputTokens;

    public long outputTokens;
    public long cacheReadTokens;

    /** All cache-write tokens (5-minute + 1-hour). */
    public long cacheWriteTokens;

    /** The 1-hour part of {@link #cacheWriteTokens}. */
    public long cacheWrite1hTokens;

    /** Null when the record carries no latency metric. */
    public Long latencyMs;

    public Long firstByteLatencyMs;

    /** Null for a successful call. */
    public String errorCode;

    /** Converse {@code requestMetadata}, as parallel arrays (a Map would need Kryo). Never null. */
    public String[] metadataKeys = new String[0];

    public String[] metadataValues = new String[0];
    public boolean bodiesOffloaded;

    /** {@link #SOURCE_S3} or {@link #SOURCE_KINESIS}. */
    public String source;

    /**
     * The service tier that served the call ({@code standard}, {@code priority}, {@code flex},
     * {@code latency-optimized}, ...), or {@code requested:<tier>} when only the request names one;
     * null = standard.
     */
    public String serviceTier;

    /**
     * {@code image}, {@code second} or {@code query} when the log says how many the call made; else
     * null.
     */
    public String unit;

    /** The unit's variant (images: {@code <quality>-<width>x<height>}); null without a unit. */
    public String unitVariant;

    /** How many units; 0 without a unit. */
    public long unitQuantity;

    // ---- filled by pricing ----
    /** Resolved catalogue model id, null when unknown. */
    public String model;

    public boolean priced;

    /** Total cost in USD, null when the call is unpriced; zero for a failed call. */
    public BigDecimal costUsd;

    public BigDecimal inputCostUsd;
    public BigDecimal outputCostUsd;
    public BigDecimal cacheReadCostUsd;
    public BigDecimal cacheWriteCostUsd;

    /** Identity of the price row that produced the cost, null when unpriced. */
    public String priceRow;

    /**
     * Cost of the units (images, seconds, queries), null when unpriced; also in {@link #costUsd}.
     */
    public BigDecimal unitCostUsd;

    /**
     * Which rule priced the call ({@code base}, {@code long_context}, ...), or why it is unpriced.
     */
    public String pricingRule;

    /**
     * The usage key, made once per instance by {@code UsageKey.of} and then shared by the operators
     * a call passes in one task. Not serialized (transient); the key fields must not change after
     * it is made.
     */
    public transient String usageKey;

    public Invocation() {}

    public boolean isError() {
        return errorCode != null;
    }

    public long cacheWrite5mTokens() {
        return cacheWriteTokens - cacheWrite1hTokens;
    }

    public long totalTokens() {
        return inputTokens + outputTokens + cacheReadTokens + cacheWriteTokens;
    }

    /** The value of a {@code requestMetadata} key, or null. */
    public String metadata(String key) {
        for (int i = 0; i < metadataKeys.length; i++) {
            if (metadataKeys[i].equals(key)) {
                return metadataValues[i];
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Invocation)) {
            return false;
        }
        Invocation that = (Invocation) o;
        return eventTime == that.eventTime
                && inputTokens == that.inputTokens
                && outputTokens == that.outputTokens
                && cacheReadTokens == that.cacheReadTokens
                && cacheWriteTokens == that.cacheWriteTokens
                && cacheWrite1hTokens == that.cacheWrite1hTokens
                && bodiesOffloaded == that.bodiesOffloaded
                && priced == that.priced
                && Objects.equals(requestId, that.requestId)
                && Objects.equals(accountId, that.accountId)
                && Objects.equals(region, that.region)
                && Objects.equals(inferenceRegion, that.inferenceRegion)
                && Objects.equals(callerArn, that.callerArn)
                && Objects.equals(operation, that.operation)
                && Objects.equals(modelId, that.modelId)
                && Objects.equals(latencyMs, that.latencyMs)
                && Objects.equals(firstByteLatencyMs, that.firstByteLatencyMs)
                && Objects.equals(errorCode, that.errorCode)
                && Arrays.equals(metadataKeys, that.metadataKeys)
                && Arrays.equals(metadataValues, that.metadataValues)
                && Objects.equals(source, that.source)
                && Objects.equals(model, that.model)
                && Objects.equals(costUsd, that.costUsd)
                && Objects.equals(priceRow, that.priceRow)
                && Objects.equals(serviceTier, that.serviceTier)
                && Objects.equals(unit, that.unit)
                && Objects.equals(unitVariant, that.unitVariant)
                && unitQuantity == that.unitQuantity
                && Objects.equals(unitCostUsd, that.unitCostUsd)
                && Objects.equals(pricingRule, that.pricingRule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestId, eventTime, modelId);
    }

    @Override
    public String toString() {
        return "Invocation{"
                + requestId
                + " "
                + java.time.Instant.ofEpochMilli(eventTime)
                + " "
                + accountId
                + " "
                + region
                + " "
                + callerArn
                + " "
                + modelId
                + " in="
                + inputTokens
                + " out="
                + outputTokens
                + " cr="
                + cacheReadTokens
                + " cw="
                + cacheWriteTokens
                + "/"
                + cacheWrite1hTokens
                + (errorCode == null ? "" : " error=" + errorCode)
                + (priced ? " cost=" + costUsd : "")
                + "}";
    }
}
