package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class QDeveloperCheckTest {

    static Record row(String user, long chat, long inputTokens, Long lines) {
        GenericRecord r = GenericRecord.create(QDeveloperTables.daily().schema());
        r.setField("day_start", OffsetDateTime.parse("2026-11-01T00:00:00Z"));
        r.setField("account_id", "111122223333");
        r.setField("user_id", user);
        r.setField("chat_events", chat);
        r.setField("inline_events", 2L);
        r.setField("dev_events", 1L);
        r.setField("input_tokens", inputTokens);
        r.setField("output_tokens", 40L);
        r.setField("transformation_lines", lines);
        return r;
    }

    @Test
    void shouldNameEveryDifferenceAndNoneWhenEqual() throws Exception {
        JsonNode truth =
                new ObjectMapper()
                        .readTree(
                                "{\"user_days\": [{\"account_id\": \"111122223333\","
                                        + " \"user_id\": \"d-1.alice\", \"day\": \"2026-11-01\", \"chat_events\": 3, \"inline_events\": 2,"
                                        + " \"dev_events\": 1, \"input_tokens\": 500, \"output_tokens\": 40, \"transformation_lines\": 0}]}");

        assertThat(QDeveloperCheck.compare(truth, List.of(row("d-1.alice", 3, 500, null))))
                .isEmpty();
        assertThat(
                        QDeveloperCheck.compare(
                                truth,
                                List.of(row("d-1.alice", 3, 499, null), row("d-1.bob", 1, 1, 5L))))
                .containsExactly(
                        "111122223333|d-1.alice|2026-11-01 input_tokens: expected 500, got 499",
                        "111122223333|d-1.bob|2026-11-01: not fed");
        assertThat(QDeveloperCheck.compare(truth, List.of()))
                .containsExactly("111122223333|d-1.alice|2026-11-01: missing");
    }
}
