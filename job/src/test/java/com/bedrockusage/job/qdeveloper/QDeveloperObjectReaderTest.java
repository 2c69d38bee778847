package com.bedrockusage.job.qdeveloper;

import static com.bedrockusage.job.qdeveloper.QDeveloperSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.RejectReason;
import com.bedrockusage.job.model.IngestRecord;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QDeveloperObjectReaderTest {

    static final Encoding CL100K =
            Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    static final String ROOT = "/logs/AWSLogs/111122223333/QDeveloperLogs/";

    static List<IngestRecord> read(String path, byte[] content) throws Exception {
        QDeveloperPath where = QDeveloperPath.of(path);
        List<IngestRecord> out = new ArrayList<>();
        try (QDeveloperObjectReader r =
                new QDeveloperObjectReader(new ByteArrayInputStream(content), path, where)) {
            for (IngestRecord rec; (rec = r.next()) != null; ) {
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void shouldMeasureEachKindWithTheTokenizerAndKeepNoText() throws Exception {
        String content =
                file(
                        inline("797c70ee-0001", "2025-01-06T15:09:16.412719Z"),
                        chat("req-chat-1", "2025-01-06T15:10:00Z", "conv-1"),
                        dev(
                                USER,
                                "req-dev-1",
                                "2025-01-06T15:11:00.5+00:00",
                                "conv-2",
                                DEV_PROMPT));
        List<IngestRecord> records =
                read(ROOT + "GenerateCompletions/us-east-1/2025/01/06/15/x.json.gz", gzip(content));

        assertThat(records)
                .hasSize(3)
                .allMatch(r -> r.qdeveloper != null && r.qdeveloper.event != null);
        QDeveloperEvent inline = records.get(0).qdeveloper.event;
        assertThat(inline.kind).isEqualTo(QDeveloperKind.INLINE);
        assertThat(inline.requestId).isEqualTo("797c70ee-0001");
        assertThat(inline.userId).isEqualTo(USER);
        assertThat(inline.accountId).isEqualTo("111122223333");
        assertThat(inline.region).isEqualTo("us-east-1");
        assertThat(inline.eventTime)
                .isEqualTo(Instant.parse("2025-01-06T15:09:16.412Z").toEpochMilli());
        assertThat(inline.inputTokens).isEqualTo(CL100K.countTokens(INLINE_LEFT)).isPositive();
        assertThat(inline.outputTokens)
                .isEqualTo(CL100K.countTokens(INLINE_COMPLETION))
                .isPositive();
        assertThat(inline.conversationId).isNull();

        QDeveloperEvent chat = records.get(1).qdeveloper.event;
        assertThat(chat.kind).isEqualTo(QDeveloperKind.CHAT);
        assertThat(chat.conversationId).isEqualTo("conv-1");
        assertThat(chat.inputTokens).isEqualTo(CL100K.countTokens(CHAT_PROMPT));
        assertThat(chat.outputTokens).isEqualTo(CL100K.countTokens(CHAT_RESPONSE));

        QDeveloperEvent dev = records.get(2).qdeveloper.event;
        assertThat(dev.kind).isEqualTo(QDeveloperKind.DEV);
        assertThat(dev.conversationId).isEqualTo("conv-2");
        assertThat(dev.requestId).isEqualTo("req-dev-1");
        assertThat(dev.inputTokens).isEqualTo(CL100K.countTokens(DEV_PROMPT));
        assertThat(dev.outputTokens).isZero();
        assertThat(dev.eventTime)
                .isEqualTo(Instant.parse("2025-01-06T15:11:00.500Z").toEpochMilli());

        for (IngestRecord r : records) {
            assertThat(r.qdeveloper.event.toString())
                    .doesNotContain("versioning", "Bucket", "endpoint");
        }
    }

    @Test
    void shouldRejectBadRecordsOneByOneWithoutTheirText() throws Exception {
        String secret = "SECRET-PROMPT-TEXT";
        String tooLong = secret + "x".repeat(TokenEstimator.MAX_TEXT_CHARS);
        String content =
                file(
                        chat(USER, "ok-1", "2025-01-06T15:10:00Z", "c", secret, secret),
                        chat(USER, "long-1", "2025-01-06T15:10:00Z", "c", tooLong, "r"),
                        chat("", "nouser-1", "2025-01-06T15:10:00Z", "c", secret, "r"),
                        chat(USER, "badtime-1", "2025-01-06T25:10:00Z", "c", secret, "r"),
                        chat(USER, "r".repeat(200), "2025-01-06T15:10:00Z", "c", secret, "r"),
                        "{\"somethingElse\": {\"prompt\": \"" + secret + "\"}}",
                        "{\"generateAssistantResponseEventRequest\": {\"prompt\": \""
                                + secret
                                + "\", \"userId\": \"u\","
                                + " \"timeStamp\": \"2025-01-06T15:10:00Z\"}, \"generateAssistantResponseEventResponse\": {}}");
        List<IngestRecord> records =
                read(
                        ROOT + "GenerateAssistantResponse/eu-west-1/2025/01/06/15/y.json.gz",
                        content.getBytes(StandardCharsets.UTF_8));

        assertThat(records).hasSize(7);
        assertThat(records.get(0).qdeveloper.event.requestId).isEqualTo("ok-1");
        List<String> reasons = new ArrayList<>();
        for (IngestRecord r : records.subList(1, 7)) {
            assertThat(r.rejected).isNotNull();
            assertThat(r.rejected.rawExcerpt).doesNotContain(secret);
            assertThat(r.rejected.source).startsWith(ROOT);
            reasons.add(r.rejected.reason);
        }
        assertThat(reasons)
                .containsExactly(
                        RejectReason.TEXT_TOO_LONG,
                        RejectReason.MISSING_FIELD + "userId",
                        RejectReason.INVALID_TIMESTAMP,
                        RejectReason.FIELD_TOO_LONG + "requestId",
                        RejectReason.FOREIGN_JSON,
                        RejectReason.MISSING_FIELD + "requestId");
        assertThat(records.get(2).rejected.source).endsWith(":3");
    }

    @Test
    void shouldRejectAWholeObjectThatIsNotAPromptLogOrIsDamaged() throws Exception {
        String path = ROOT + "GenerateCompletions/us-east-1/2025/01/06/15/z.json.gz";
        assertThat(read(path, "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(r -> assertThat(r.rejected.reason).isEqualTo(RejectReason.FOREIGN_JSON));
        byte[] gz =
                gzip(
                        file(
                                inline("a", "2025-01-06T15:09:16Z"),
                                inline("b", "2025-01-06T15:09:17Z")));
        assertThat(read(path, Arrays.copyOf(gz, gz.length - 12)))
                .singleElement()
                .satisfies(
                        r -> assertThat(r.rejected.reason).isEqualTo(RejectReason.TRUNCATED_GZIP));
        List<IngestRecord> cut =
                read(
                        path,
                        (file(inline("a", "2025-01-06T15:09:16Z")) + "x")
                                .substring(0, 300)
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(cut)
                .last()
                .satisfies(
                        r -> assertThat(r.rejected.reason).isEqualTo(RejectReason.MALFORMED_JSON));
        assertThat(cut.get(cut.size() - 1).rejected.rawExcerpt).doesNotContain("aws-cdk-lib");
    }

    @Test
    void shouldReadTheUserActivityReportColumnsItKnows() throws Exception {
        String csv =
                "UserId,Date,Chat_AICodeLines,Chat_MessagesSent,Dev_GenerationEventCount,Inline_AcceptanceCount,"
                        + "Inline_SuggestionsCount,Transformation_LinesIngested\n"
                        + USER
                        + ",2025-01-06,12,40,3,17,52,1200\n"
                        + "\"d-1.other\",01-06-2025,0,2,,,,\n"
                        + "d-1.bad,2025-01-06,0,-5,0,0,0,0\n"
                        + "d-1.short,2025-01-06\n";
        List<IngestRecord> records =
                read(
                        ROOT
                                + "by_user_analytic/us-east-1/2025/01/07/00/111122223333_by_user_analytic_1.csv",
                        csv.getBytes(StandardCharsets.UTF_8));

        assertThat(records).hasSize(4);
        QDeveloperActivity a = records.get(0).qdeveloper.activity;
        assertThat(a.userId).isEqualTo(USER);
        assertThat(a.dayStart).isEqualTo(Instant.parse("2025-01-06T00:00:00Z").toEpochMilli());
        assertThat(a.chatMessagesSent).isEqualTo(40);
        assertThat(a.devGenerations).isEqualTo(3);
        assertThat(a.inlineAcceptances).isEqualTo(17);
        assertThat(a.inlineSuggestions).isEqualTo(52);
        assertThat(a.transformationLines).isEqualTo(1200);
        QDeveloperActivity b = records.get(1).qdeveloper.activity;
        assertThat(b.userId).isEqualTo("d-1.other");
        assertThat(b.dayStart).isEqualTo(a.dayStart);
        assertThat(b.transformationLines).isNull();
        assertThat(records.get(2).rejected.reason)
                .isEqualTo(RejectReason.INVALID_FIELD + "Chat_MessagesSent");
        assertThat(records.get(3).rejected.reason).isEqualTo(RejectReason.MALFORMED_CSV);
        assertThat(records.get(3).rejected.source).endsWith(":5");
    }

    @Test
    void shouldTellQDeveloperPathsFromBedrockOnes() {
        QDeveloperPath p =
                QDeveloperPath.of(
                        "s3://b/p/AWSLogs/111122223333/QDeveloperLogs/GenerateCompletions/us-east-1/2025/01/06/15/a.json.gz");
        assertThat(p.accountId).isEqualTo("111122223333");
        assertThat(p.logType).isEqualTo("GenerateCompletions");
        assertThat(p.region).isEqualTo("us-east-1");
        assertThat(p.isActivityReport()).isFalse();
        assertThat(
                        QDeveloperPath.of(
                                "/p/AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2025/01/06/15/a.json.gz"))
                .isNull();
    }
}
