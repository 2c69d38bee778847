package com.bedrockusage.job.testing;

import java.time.Instant;

/** A Bedrock invocation log record as tests want it, rendered in the real log format by {@link #json()}. */
public final class LogRecord {

    public String requestId;
    public Instant time;
    public String accountId = "111111111111";
    public String region = "us-east-1";
    public String callerArn = "arn:aws:sts::111111111111:assumed-role/ChatbotApp-BedrockRole/session-1";
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

    public LogRecord(String requestId, Instant time) {
        this.requestId = requestId;
        this.time = time;
    }

    public long cacheWrite5m() {
        return cacheWrite - cacheWrite1h;
    }

    /** One NDJSON line in the format Bedrock writes (InvokeModel with an Anthropic body, or a failed call). */
    public String json() {
        StringBuilder sb = new StringBuilder(512 + 2 * bodyBytes);
        sb.append("{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\"")
                .append(time).append("\",\"accountId\":\"").append(accountId)
                .append("\",\"identity\":{\"arn\":\"").append(callerArn).append("\"},\"region\":\"").append(region)
                .append("\",\"requestId\":\"").append(requestId)
                .append("\",\"operation\":\"InvokeModel\",\"modelId\":\"").append(modelId).append('"');
        if (errorCode != null) {
            sb.append(",\"errorCode\":\"").append(errorCode).append("\",\"input\":{},\"output\":{}}");
            return sb.toString();
        }
        String text = filler(bodyBytes);
        sb.append(",\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":{\"messages\":[{\"role\":\"user\",")
                .append("\"content\":\"").append(text).append("\"}],\"max_tokens\":512},\"inputTokenCount\":").append(input)
                .append(",\"cacheReadInputTokenCount\":").append(cacheRead)
                .append(",\"cacheWriteInputTokenCount\":").append(cacheWrite).append('}')
                .append(",\"output\":{\"outputContentType\":\"application/json\",\"outputBodyJson\":{\"id\":\"msg_1\",")
                .append("\"content\":[{\"type\":\"text\",\"text\":\"").append(text).append("\"}],")
                .append("\"usage\":{\"input_tokens\":").append(input).append(",\"output_tokens\":").append(output)
                .append(",\"cache_read_input_tokens\":").append(cacheRead)
                .append(",\"cache_creation_input_tokens\":").append(cacheWrite)
                .append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":").append(cacheWrite5m())
                .append(",\"ephemeral_1h_input_tokens\":").append(cacheWrite1h).append("}}},")
                .append("\"outputTokenCount\":").append(output).append("}}");
        return sb.toString();
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
