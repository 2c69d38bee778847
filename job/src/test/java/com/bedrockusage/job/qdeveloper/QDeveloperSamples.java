package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.testing.SyntheticLogs;
import java.nio.charset.StandardCharsets;

/**
 * Q Developer prompt-log records in the shapes of AWS's "Prompt log examples in Amazon Q Developer"
 * (https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/q-admin-prompt-log-examples.html), with
 * our own values.
 */
public final class QDeveloperSamples {

    public static final String USER = "d-92675051d5.b8f1f340-9081-70ad-5fc5-0f37151937a6";
    public static final String INLINE_LEFT =
            "import * as s3 from 'aws-cdk-lib/aws-s3';\r\nexport class MyStack extends Stack {\r\n  ";
    public static final String INLINE_COMPLETION =
            "new s3.Bucket(this, 'Logs', { versioned: true });";
    public static final String CHAT_PROMPT =
            "How do I enable versioning on an S3 bucket with the CDK?";
    public static final String CHAT_RESPONSE =
            "Set `versioned: true` on the `s3.Bucket` construct:\n\n```ts\nnew s3.Bucket(this, 'B', { versioned: true });\n```";
    public static final String DEV_PROMPT =
            "Add a REST endpoint /api/health that returns the build version.";

    private QDeveloperSamples() {}

    public static String inline(String requestId, String timeStamp) {
        return "{\"generateCompletionsEventRequest\": {\"leftContext\": "
                + json(INLINE_LEFT)
                + ", \"rightContext\": \"\","
                + " \"fileName\": \"stack.ts\", \"customizationArn\": null, \"userId\": \""
                + USER
                + "\","
                + " \"timeStamp\": \""
                + timeStamp
                + "\"},"
                + " \"generateCompletionsEventResponse\": {\"completions\": ["
                + json(INLINE_COMPLETION)
                + "],"
                + " \"requestId\": \""
                + requestId
                + "\"}}";
    }

    public static String chat(String requestId, String timeStamp, String conversationId) {
        return chat(USER, requestId, timeStamp, conversationId, CHAT_PROMPT, CHAT_RESPONSE);
    }

    public static String chat(
            String user,
            String requestId,
            String timeStamp,
            String conversationId,
            String prompt,
            String response) {
        return "{\"generateAssistantResponseEventRequest\": {\"prompt\": "
                + json(prompt)
                + ","
                + " \"chatTriggerType\": \"MANUAL\", \"customizationArn\": null, \"userId\": \""
                + user
                + "\","
                + " \"timeStamp\": \""
                + timeStamp
                + "\"},"
                + " \"generateAssistantResponseEventResponse\": {\"assistantResponse\": "
                + json(response)
                + ","
                + " \"followupPrompts\": \"\", \"messageMetadata\": {\"conversationId\": \""
                + conversationId
                + "\","
                + " \"utteranceId\": null}, \"codeReferenceEvents\": [], \"supplementaryWebLinksEvent\": [],"
                + " \"requestId\": \""
                + requestId
                + "\"}}";
    }

    public static String dev(
            String user, String requestId, String timeStamp, String conversationId, String prompt) {
        return "{\"startTaskAssistCodeGenerationEventRequest\": {\"prompt\": "
                + json(prompt)
                + ","
                + " \"chatTriggerType\": \"MANUAL\", \"conversationId\": \""
                + conversationId
                + "\","
                + " \"customizationArn\": null, \"userId\": \""
                + user
                + "\", \"timeStamp\": \""
                + timeStamp
                + "\"},"
                + " \"startTaskAssistCodeGenerationEventResponse\": {\"requestId\": \""
                + requestId
                + "\"}}";
    }

    public static String file(String... records) {
        return "{\"records\": [" + String.join(", ", records) + "]}";
    }

    public static byte[] gzip(String s) {
        return SyntheticLogs.gzip(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String json(String s) {
        return SyntheticLogs.jsonString(s, false);
    }
}
