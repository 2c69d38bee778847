package com.bedrockusage.local.run;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.qdeveloper.QDeveloperTables;
import com.bedrockusage.job.sink.TableRows;
import com.bedrockusage.job.sink.Tables;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.data.Record;

/** The short table printed at the end of a run: what was committed, and who spent most on what. */
final class RunSummary {

    private final JobConfig config;

    RunSummary(JobConfig config) {
        this.config = config;
    }

    void print(PrintStream out) {
        List<Record> daily;
        try {
            daily = TableRows.read(config, Tables.USAGE_DAILY);
        } catch (RuntimeException e) {
            out.println("run-local: no summary (" + e.getMessage() + ")");
            return;
        }
        long invocations = 0;
        long errors = 0;
        long unpriced = 0;
        long tokensIn = 0;
        long tokensOut = 0;
        BigDecimal cost = BigDecimal.ZERO;
        Map<String, BigDecimal> byAccount = new HashMap<>();
        Map<String, BigDecimal> byCaller = new HashMap<>();
        Map<String, BigDecimal> byModel = new HashMap<>();
        for (Record r : daily) {
            BigDecimal c =
                    r.getField("cost_usd") == null
                            ? BigDecimal.ZERO
                            : (BigDecimal) r.getField("cost_usd");
            invocations += (Long) r.getField("invocations");
            errors += (Long) r.getField("errors");
            unpriced += (Long) r.getField("unpriced_invocations");
            tokensIn += (Long) r.getField("input_tokens");
            tokensOut += (Long) r.getField("output_tokens");
            cost = cost.add(c);
            byAccount.merge((String) r.getField("account_id"), c, BigDecimal::add);
            byCaller.merge((String) r.getField("caller_arn"), c, BigDecimal::add);
            byModel.merge((String) r.getField("model_id"), c, BigDecimal::add);
        }
        long rejected = count(Tables.REJECTED_RECORDS);
        long late = count(Tables.LATE_INVOCATIONS);
        out.println("==== bedrock usage: " + config.icebergWarehouse + " ====");
        out.printf(
                "invocations %,d  errors %,d  unpriced %,d  input tokens %,d  output tokens %,d%n",
                invocations, errors, unpriced, tokensIn, tokensOut);
        out.printf(
                "cost USD %s  rejected records %,d  very late events %,d%n",
                plain(cost), rejected, late);
        top(out, "top accounts", byAccount);
        top(out, "top callers", byCaller);
        top(out, "top models", byModel);
        out.println(
                "query it: local-cluster/bin/sql --warehouse "
                        + config.icebergWarehouse.replaceFirst("^file://", "")
                        + " -e \"SELECT * FROM usage_daily ORDER BY cost_usd DESC LIMIT 10\"");
        qDeveloper(out);
    }

    /** Amazon Q Developer users, when the logs had any (docs/q-developer.md). */
    private void qDeveloper(PrintStream out) {
        List<Record> months;
        try {
            months = TableRows.read(config, QDeveloperTables.MONTHLY);
        } catch (RuntimeException e) {
            return;
        }
        if (months.isEmpty()) {
            return;
        }
        long events = 0;
        long tokens = 0;
        long dev = 0;
        for (Record r : months) {
            events +=
                    (Long) r.getField("chat_events")
                            + (Long) r.getField("inline_events")
                            + (Long) r.getField("dev_events");
            tokens += (Long) r.getField("input_tokens") + (Long) r.getField("output_tokens");
            dev += (Long) r.getField("dev_events");
        }
        out.printf(
                "==== amazon q developer: %,d user-months  events %,d  /dev uses %,d  estimated tokens %,d%n",
                months.size(), events, dev, tokens);
        out.println(
                "per user: local-cluster/bin/report --kind q-developer --date <any day of the month> --warehouse "
                        + config.icebergWarehouse.replaceFirst("^file://", ""));
    }

    private long count(String table) {
        try {
            return TableRows.read(config, table).size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void top(PrintStream out, String title, Map<String, BigDecimal> costs) {
        out.println(title + " by cost:");
        List<Map.Entry<String, BigDecimal>> top =
                costs.entrySet().stream()
                        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                        .limit(5)
                        .collect(Collectors.toList());
        for (Map.Entry<String, BigDecimal> e : top) {
            out.printf(
                    "  %14s  %s%n",
                    plain(e.getValue()), e.getKey().isEmpty() ? "(none)" : e.getKey());
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
