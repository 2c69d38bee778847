package com.bedrockusage.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.local.sql.CliRun;
import com.bedrockusage.local.sql.TestWarehouse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QDeveloperReportTest {

    @TempDir static Path tmp;

    private static TestWarehouse warehouse;

    @BeforeAll
    static void buildWarehouse() {
        warehouse = TestWarehouse.create(tmp.resolve("warehouse"));
        warehouse.upsert(
                QDeveloperTables.MONTHLY,
                Arrays.asList(
                        month(
                                "2026-11-01T00:00:00Z",
                                "d-1.bob",
                                3,
                                40,
                                25,
                                12_000,
                                900,
                                3500L,
                                150_000),
                        month("2026-11-01T00:00:00Z", "d-1.alice", 7, 0, 2, 800, 1_200, null, 900),
                        month("2026-10-01T00:00:00Z", "d-1.alice", 1, 1, 1, 1, 1, null, 1)));
    }

    @AfterAll
    static void close() throws Exception {
        warehouse.close();
    }

    static Record month(
            String start,
            String user,
            long chat,
            long inline,
            long dev,
            long in,
            long out,
            Long lines,
            long maxConversation) {
        GenericRecord r = warehouse.newRecord(QDeveloperTables.MONTHLY);
        r.setField("month_start", OffsetDateTime.parse(start));
        r.setField("account_id", "111122223333");
        r.setField("user_id", user);
        r.setField("chat_events", chat);
        r.setField("inline_events", inline);
        r.setField("dev_events", dev);
        r.setField("input_tokens", in);
        r.setField("output_tokens", out);
        r.setField("transformation_lines", lines);
        r.setField("max_conversation_tokens", maxConversation);
        r.setField("dev_uses_limit", 30L);
        r.setField("transformation_lines_limit", 4000L);
        r.setField("context_window_limit", 200_000L);
        return r;
    }

    @Test
    void shouldWriteOneLinePerUserOfTheMonthWithTheLimits() {
        CliRun run =
                CliRun.of(
                        ReportRunner::run,
                        "--kind",
                        "q-developer",
                        "--date",
                        "2026-11-17",
                        "--warehouse",
                        warehouse.dir().toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        QDeveloperReport.HEADER
                                + "\n"
                                + "2026-11,111122223333,d-1.alice,7,0,2,30,800,1200,,4000,900,200000\n"
                                + "2026-11,111122223333,d-1.bob,3,40,25,30,12000,900,3500,4000,150000,200000\n");
    }

    @Test
    void shouldRefuseAnUnknownKind() {
        CliRun run = CliRun.of(ReportRunner::run, "--kind", "kiro", "--date", "2026-11-17");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown --kind 'kiro'");
    }
}
