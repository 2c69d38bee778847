package com.bedrockusage.job.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import java.nio.charset.StandardCharsets;

/**
 * The S3 parser for tests that feed it one JSON text at a time and want the call, or why it was
 * refused.
 */
final class ParserProbe {

    final BedrockRecordParser parser = new BedrockRecordParser(Invocation.SOURCE_S3);

    /**
     * The start of a record of {@code operation} with every field the parser needs; the caller adds
     * more fields, or just the closing brace.
     */
    static String head(String operation) {
        return "{\"timestamp\": \"2025-08-18T16:57:13Z\", \"accountId\": \"123456789012\", "
                + "\"region\": \"us-east-1\", \"requestId\": \"r-1\", \"operation\": \""
                + operation
                + "\", \"modelId\": \"m\"";
    }

    Invocation parse(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return parser.parse(b, 0, b.length);
    }

    /** The call; fails the test, naming the reason, when the record was refused. */
    Invocation ok(String json) {
        Invocation inv = parse(json);
        assertThat(inv).as("reason %s", parser.reason()).isNotNull();
        return inv;
    }

    /** Why the record was refused; fails the test when it was not. */
    String reason(String json) {
        assertThat(parse(json)).isNull();
        return parser.reason();
    }
}
