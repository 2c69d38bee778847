package com.bedrockusage.job.qdeveloper;

import com.bedrockusage.job.model.RejectedRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The excerpt of a rejected Q Developer record: its structure and identifying fields, every other
 * value replaced by "…". Prompts, responses, code context and completions never reach the
 * rejected_records table.
 */
final class RedactedExcerpt {

    private static final Set<String> KEPT =
            new HashSet<>(
                    Arrays.asList(
                            "userId",
                            "timeStamp",
                            "requestId",
                            "conversationId",
                            "utteranceId",
                            "chatTriggerType",
                            "customizationArn",
                            "modelId"));
    static final String ELIDED = "…";

    private RedactedExcerpt() {}

    static String of(JsonNode record) {
        String s = redact(record).toString();
        int max = RejectedRecord.MAX_EXCERPT_BYTES / 4;
        return s.length() <= max ? s : s.substring(0, max) + ELIDED;
    }

    private static JsonNode redact(JsonNode node) {
        if (!node.isObject()) {
            return JsonNodeFactory.instance.textNode(ELIDED);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (v.isObject()) {
                out.set(f.getKey(), redact(v));
            } else if (KEPT.contains(f.getKey()) && (v.isTextual() || v.isNull())) {
                String t = v.isNull() ? null : v.textValue();
                out.put(
                        f.getKey(),
                        t == null || t.length() <= QDeveloperLogParser.MAX_USER_ID_CHARS
                                ? t
                                : t.substring(0, QDeveloperLogParser.MAX_USER_ID_CHARS) + ELIDED);
            } else {
                out.put(f.getKey(), ELIDED);
            }
        }
        return out;
    }
}
