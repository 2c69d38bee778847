package com.bedrockusage.job.testing;

import com.bedrockusage.pricing.UnitQuantity;
import java.time.Instant;

/**
 * A Bedrock invocation log record as tests want it, rendered in the real log format by {@link
 * #json()}.
 */
public final class LogRecord {

    public String requestId;
    public Instant time;
    public String accountId = "111111111111";
    public String region = "us-east-1";
    public String callerArn =
            "arn:aws:sts::111111111111:assumed-role/ChatbotApp-BedrockRole/session-1";
    public String modelId = "anthropic.claude-3-haiku-20240307-v1:0";
    public long input;
    public long output;
    public long cacheRead;
    public long cacheWrite;
    public long cacheWrite1h;
    public long latencyMs = 420;
    public String errorCode;

    /** Padding for the prompt and completion text, to make bodies realistic. */
    public int bodyBytes = 256;

    /**
     * The tier the response says served the call ({@code default}, {@code priority}, {@code flex});
     * null: none.
     */
    public String servedTier;

    /** The tier the request asked for; null: none. */
    public String requestedTier;

    /** {@code performanceConfig.latency = optimized} in the request and the response. */
    public boolean latencyOptimized;

    /** Images the request asks for (0: not an image call), their quality and square side. */
    public int images;

    public String imageQuality = "standard";
    public int imageSide = 1024;

    /** Seconds of video the request asks for (0: not a video call). */
    public int videoSeconds;

    /** Documents of a rerank request (0: not a rerank call). */
    public int rerankDocuments;

    public LogRecord(String requestId, Instant time) {
        this.requestId = requestId;
        this.time = time;
    }

    public long cacheWrite5m() {
        return cacheWrite - cacheWrite1h;
    }

    /**
     * One NDJSON line in the format Bedrock writes (InvokeModel with an Anthropic body, or a failed
     * call).
     */
    public String json() {
        StringBuilder sb = new StringBuilder(512 + 2 * bodyBytes);
        sb.append(
                        "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"")
                .append(time)
                .append("\",\"accountId\":\"")
                .append(accountId)
                .append("\",\"identity\":{\"arn\":\"")
                .append(callerArn)
                .append("\"},\"region\":\"")
                .append(region)
                .append("\",\"requestId\":\"")
                .append(requestId)
                .append("\",\"operation\":\"InvokeModel\",\"modelId\":\"")
                .append(modelId)
                .append('"');
        if (errorCode != null) {
            sb.append(",\"errorCode\":\"")
                    .append(errorCode)
                    .append("\",\"input\":{},\"output\":{}}");
            return sb.toString();
        }
        String text = filler(bodyBytes);
        sb.append(
                        ",\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":{\"messages\":[{\"role\":\"user\",")
                .append("\"content\":\"")
                .append(text)
                .append("\"}],\"max_tokens\":512")
                .append(requestExtras())
                .append("},\"inputTokenCount\":")
                .append(input)
                .append(",\"cacheReadInputTokenCount\":")
                .append(cacheRead)
                .append(",\"cacheWriteInputTokenCount\":")
                .append(cacheWrite)
                .append('}')
                .append(
                        ",\"output\":{\"outputContentType\":\"application/json\",\"outputBodyJson\":{\"id\":\"msg_1\",")
                .append(responseExtras())
                .append("\"content\":[{\"type\":\"text\",\"text\":\"")
                .append(text)
                .append("\"}],")
                .append("\"usage\":{\"input_tokens\":")
                .append(input)
                .append(",\"output_tokens\":")
                .append(output)
                .append(",\"cache_read_input_tokens\":")
                .append(cacheRead)
                .append(",\"cache_creation_input_tokens\":")
                .append(cacheWrite)
                .append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":")
                .append(cacheWrite5m())
                .append(",\"ephemeral_1h_input_tokens\":")
                .append(cacheWrite1h)
                .append("}}},")
                .append("\"outputTokenCount\":")
                .append(output)
                .append("}}");
        return sb.toString();
    }

    private String requestExtras() {
        StringBuilder sb = new StringBuilder();
        if (requestedTier != null) {
            sb.append(",\"serviceTier\":{\"type\":\"").append(requestedTier).append("\"}");
        }
        if (latencyOptimized) {
            sb.append(",\"performanceConfig\":{\"latency\":\"optimized\"}");
        }
        if (images > 0) {
            sb.append(",\"imageGenerationConfig\":{\"numberOfImages\":")
                    .append(images)
                    .append(",\"width\":")
                    .append(imageSide)
                    .append(",\"height\":")
                    .append(imageSide)
                    .append(",\"quality\":\"")
                    .append(imageQuality)
                    .append("\"}");
        }
        if (videoSeconds > 0) {
            sb.append(",\"videoGenerationConfig\":{\"durationSeconds\":")
                    .append(videoSeconds)
                    .append('}');
        }
        if (rerankDocuments > 0) {
            sb.append(",\"query\":\"q\",\"documents\":[");
            for (int i = 0; i < rerankDocuments; i++) {
                sb.append(i == 0 ? "" : ",").append("\"document ").append(i).append('"');
            }
            sb.append(']');
        }
        return sb.toString();
    }

    private String responseExtras() {
        StringBuilder sb = new StringBuilder();
        if (servedTier != null) {
            sb.append("\"serviceTier\":{\"type\":\"").append(servedTier).append("\"},");
        }
        if (latencyOptimized) {
            sb.append("\"performanceConfig\":{\"latency\":\"optimized\"},");
        }
        return sb.toString();
    }

    /** The tier the job should price this call in, as the test computes it itself. */
    public String expectedTier() {
        if (latencyOptimized) {
            return "latency-optimized";
        }
        if (servedTier != null) {
            return servedTier.equals("default") ? "standard" : servedTier;
        }
        return requestedTier == null || requestedTier.equals("default")
                ? "standard"
                : "requested:" + requestedTier;
    }

    /** The units the job should price this call by, or null. */
    public UnitQuantity expectedUnits() {
        if (images > 0) {
            return new UnitQuantity(
                    "image", imageQuality + "-" + imageSide + "x" + imageSide, images);
        }
        if (videoSeconds > 0) {
            return new UnitQuantity("second", "", videoSeconds);
        }
        if (rerankDocuments > 0) {
            return new UnitQuantity("query", "", (rerankDocuments + 99) / 100);
        }
        return null;
    }

    private static String filler(int bytes) {
        StringBuilder sb = new StringBuilder(bytes);
        String words = "Summarise the \\\"quarterly\\\" report {with braces} and \\n new lines. ";
        while (sb.length() < bytes) {
            sb.append(words);
        }
        return sb.toString();
    }
}
