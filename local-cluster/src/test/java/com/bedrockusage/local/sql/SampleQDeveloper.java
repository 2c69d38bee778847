package com.bedrockusage.local.sql;

import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;

/**
 * A few Amazon Q Developer rows (three users, 2026-11-02 to 2026-11-04) for the query pack and the
 * dashboard.
 */
public final class SampleQDeveloper {

    public static final String ACCOUNT = "111111111111";
    public static final String[] USERS = {"d-1.alice", "d-1.bob", "d-1.carol"};

    private SampleQDeveloper() {}

    public static void writeAll(TestWarehouse w) {
        List<Record> events = new ArrayList<>();
        List<Record> days = new ArrayList<>();
        List<Record> months = new ArrayList<>();
        for (int u = 0; u < USERS.length; u++) {
            long chat = 0;
            long inline = 0;
            long dev = 0;
            long in = 0;
            long out = 0;
            for (int d = 2; d <= 4; d++) {
                OffsetDateTime day =
                        OffsetDateTime.parse(String.format("2026-11-%02dT00:00:00Z", d));
                GenericRecord r = w.newRecord(QDeveloperTables.DAILY);
                long c = 3L * (u + 1);
                long i = 10L * d;
                long v = u == 0 ? 4 : 1;
                r.setField("day_start", day);
                r.setField("account_id", ACCOUNT);
                r.setField("user_id", USERS[u]);
                r.setField("chat_events", c);
                r.setField("inline_events", i);
                r.setField("dev_events", v);
                r.setField("input_tokens", 1000L * (u + 1) * d);
                r.setField("output_tokens", 700L * (u + 1));
                r.setField("inline_suggestions", i);
                r.setField("inline_acceptances", i / 2);
                r.setField("transformation_lines", 300L * u);
                days.add(r);
                chat += c;
                inline += i;
                dev += v;
                in += 1000L * (u + 1) * d;
                out += 700L * (u + 1);
                GenericRecord e = w.newRecord(QDeveloperTables.EVENTS);
                e.setField("request_id", "q-" + u + "-" + d);
                e.setField("event_time", day.plusHours(10));
                e.setField("account_id", ACCOUNT);
                e.setField("region", "us-east-1");
                e.setField("user_id", USERS[u]);
                e.setField("kind", d == 3 ? "dev" : "chat");
                e.setField("input_tokens", 100L);
                e.setField("output_tokens", d == 3 ? 0L : 250L);
                e.setField("conversation_id", "conv-" + u);
                e.setField("source", "test");
                events.add(e);
            }
            GenericRecord m = w.newRecord(QDeveloperTables.MONTHLY);
            m.setField("month_start", OffsetDateTime.parse("2026-11-01T00:00:00Z"));
            m.setField("account_id", ACCOUNT);
            m.setField("user_id", USERS[u]);
            m.setField("chat_events", chat);
            m.setField("inline_events", inline);
            m.setField("dev_events", dev);
            m.setField("input_tokens", in);
            m.setField("output_tokens", out);
            m.setField("transformation_lines", 900L * u);
            m.setField("max_conversation_tokens", 5000L * (u + 1));
            m.setField("dev_uses_limit", 30L);
            m.setField("transformation_lines_limit", 4000L);
            m.setField("context_window_limit", 200000L);
            months.add(m);
        }
        w.append(QDeveloperTables.EVENTS, events);
        w.append(QDeveloperTables.DAILY, days);
        w.append(QDeveloperTables.MONTHLY, months);
    }
}
