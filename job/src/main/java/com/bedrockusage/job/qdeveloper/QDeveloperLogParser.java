package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.ingest.RejectReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;

/**
 * Turns one element of a Q Developer prompt log's {@code records} array into a {@link
 * QDeveloperEvent}, or says why it cannot. Shapes as in AWS's "Prompt log examples in Amazon Q
 * Developer":
 *
 * <ul>
 *   <li>chat: {@code generateAssistantResponseEventRequest {prompt, userId, timeStamp, ...}} and
 *       {@code generateAssistantResponseEventResponse {assistantResponse, messageMetadata
 *       {conversationId}, requestId}};
 *   <li>inline: {@code generateCompletionsEventRequest {leftContext, rightContext, userId,
 *       timeStamp, ...}} and {@code generateCompletionsEventResponse {completions [..],
 *       requestId}};
 *   <li>{@code /dev}: {@code startTaskAssistCodeGenerationEventRequest {prompt, conversationId,
 *       userId, timeStamp}} and its response (only prompts are logged for {@code /dev}).
 * </ul>
 *
 * Text fields are only counted ({@link TokenEstimator}); nothing of them is kept. Not thread-safe.
 */
final class QDeveloperLogParser {

    static final int MAX_USER_ID_CHARS = 256;
    static final int MAX_ID_CHARS = 128;

    private String reason;

    /** Why the last {@link #parse} returned null. */
    String reason() {
        return reason;
    }

    QDeveloperEvent parse(JsonNode record, QDeveloperPath path, String source) {
        reason = null;
        if (!record.isObject()) {
            return fail(RejectReason.FOREIGN_JSON);
        }
        JsonNode request;
        JsonNode response;
        String kind;
        if (record.has("generateAssistantResponseEventRequest")) {
            kind = QDeveloperKind.CHAT;
            request = record.get("generateAssistantResponseEventRequest");
            response = record.get("generateAssistantResponseEventResponse");
        } else if (record.has("generateCompletionsEventRequest")) {
            kind = QDeveloperKind.INLINE;
            request = record.get("generateCompletionsEventRequest");
            response = record.get("generateCompletionsEventResponse");
        } else if (record.has("startTaskAssistCodeGenerationEventRequest")) {
            kind = QDeveloperKind.DEV;
            request = record.get("startTaskAssistCodeGenerationEventRequest");
            response = record.get("startTaskAssistCodeGenerationEventResponse");
        } else {
            return fail(RejectReason.FOREIGN_JSON);
        }
        if (!request.isObject()
                || (response != null && !response.isNull() && !response.isObject())) {
            return fail(RejectReason.FOREIGN_JSON);
        }
        if (response == null || response.isNull()) {
            response = NullNode.getInstance();
        }
        QDeveloperEvent e = new QDeveloperEvent();
        e.kind = kind;
        e.accountId = path.accountId;
        e.region = path.region;
        e.source = source;
        e.userId = string(request, "userId", MAX_USER_ID_CHARS, true);
        String timestamp = string(request, "timeStamp", 64, true);
        e.requestId = string(response, "requestId", MAX_ID_CHARS, !QDeveloperKind.DEV.equals(kind));
        e.conversationId =
                QDeveloperKind.CHAT.equals(kind)
                        ? string(
                                response.path("messageMetadata"),
                                "conversationId",
                                MAX_ID_CHARS,
                                false)
                        : string(request, "conversationId", MAX_ID_CHARS, false);
        if (reason != null) {
            return null;
        }
        try {
            e.eventTime = OffsetDateTime.parse(timestamp).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException bad) {
            return fail(RejectReason.INVALID_TIMESTAMP);
        }
        switch (kind) {
            case QDeveloperKind.CHAT:
                e.inputTokens = tokens(request, "prompt");
                e.outputTokens = tokens(response, "assistantResponse");
                break;
            case QDeveloperKind.INLINE:
                e.inputTokens = tokens(request, "leftContext") + tokens(request, "rightContext");
                e.outputTokens = completionTokens(response.get("completions"));
                break;
            default:
                e.inputTokens = tokens(request, "prompt");
                e.outputTokens = 0;
        }
        if (reason != null) {
            return null;
        }
        if (e.requestId == null) {
            e.requestId = "dev-" + digest(e.userId, timestamp, e.conversationId);
        }
        return e;
    }

    private long completionTokens(JsonNode completions) {
        if (completions == null || completions.isNull()) {
            return 0;
        }
        if (!completions.isArray()) {
            fail(RejectReason.INVALID_FIELD + "completions");
            return 0;
        }
        long sum = 0;
        long chars = 0;
        for (Iterator<JsonNode> it = completions.elements(); it.hasNext(); ) {
            JsonNode c = it.next();
            // AWS's example has plain strings; accept {content: "..."} objects too
            JsonNode text = c.isTextual() ? c : c.path("content");
            if (!text.isTextual()) {
                continue;
            }
            chars += text.textValue().length();
            if (chars > TokenEstimator.MAX_TEXT_CHARS) {
                fail(RejectReason.TEXT_TOO_LONG);
                return 0;
            }
            sum += TokenEstimator.count(text.textValue());
        }
        return sum;
    }

    private long tokens(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isTextual()) {
            fail(RejectReason.INVALID_FIELD + field);
            return 0;
        }
        if (v.textValue().length() > TokenEstimator.MAX_TEXT_CHARS) {
            fail(RejectReason.TEXT_TOO_LONG);
            return 0;
        }
        return TokenEstimator.count(v.textValue());
    }

    /**
     * A kept string: present when required, textual, within its bound. Records the first problem.
     */
    private String string(JsonNode object, String field, int maxChars, boolean required) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
            if (required) {
                fail(RejectReason.MISSING_FIELD + field);
            }
            return null;
        }
        if (!v.isTextual()) {
            fail(RejectReason.INVALID_FIELD + field);
            return null;
        }
        if (v.textValue().length() > maxChars) {
            fail(RejectReason.FIELD_TOO_LONG + field);
            return null;
        }
        return v.textValue();
    }

    private QDeveloperEvent fail(String why) {
        if (reason == null) {
            reason = why;
        }
        return null;
    }

    /**
     * A stable id for a record without a requestId: the same record always gets the same id, so
     * dedup holds.
     */
    static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            byte[] d = sha.digest();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
