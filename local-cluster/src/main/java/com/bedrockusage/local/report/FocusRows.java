package com.bedrockusage.local.report;

import com.bedrockusage.job.sink.Tables;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Metered usage as FOCUS rows, from {@code usage_hourly}: per row of the table, one FOCUS row per
 * token class with tokens and a cost (input, output, cache_read, cache_write). A class without a
 * price (its cost is NULL) is left out and counted: FOCUS cannot carry an unknown cost, and 0 would
 * say free. {@code ListUnitPrice} is the catalogue's USD per million tokens at the hour ({@code
 * PricingUnit} {@code 1000000 Tokens}); cache writes list the 5-minute rate. The same rows as
 * {@code queries/focus_export.sql}.
 */
public final class FocusRows {

    public record Result(List<FocusRow> rows, long unpricedLeftOut) {}

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private FocusRows() {}

    public static Result read(
            Path warehouseDir,
            String namespace,
            LocalDate from,
            LocalDate to,
            PriceCatalog catalog) {
        HadoopCatalog hadoop =
                new HadoopCatalog(new Configuration(), warehouseDir.toUri().toString());
        try (hadoop) {
            TableIdentifier id = TableIdentifier.of(namespace, Tables.USAGE_HOURLY);
            Table table = WindowedRows.load(hadoop, id, warehouseDir.toString());
            List<FocusRow> rows = new ArrayList<>();
            long unpriced = 0;
            try (CloseableIterable<Record> records =
                    WindowedRows.read(table, from, to.plusDays(1))) {
                for (Record r : records) {
                    Instant hour = WindowedRows.windowStart(r).toInstant();
                    unpriced +=
                            add(
                                    rows,
                                    r,
                                    hour,
                                    catalog,
                                    "input",
                                    "input_tokens",
                                    "input_cost_usd",
                                    PriceRow::inputPerMtok);
                    unpriced +=
                            add(
                                    rows,
                                    r,
                                    hour,
                                    catalog,
                                    "output",
                                    "output_tokens",
                                    "output_cost_usd",
                                    PriceRow::outputPerMtok);
                    unpriced +=
                            add(
                                    rows,
                                    r,
                                    hour,
                                    catalog,
                                    "cache_read",
                                    "cache_read_tokens",
                                    "cache_read_cost_usd",
                                    PriceRow::cacheReadPerMtok);
                    unpriced +=
                            add(
                                    rows,
                                    r,
                                    hour,
                                    catalog,
                                    "cache_write",
                                    "cache_write_tokens",
                                    "cache_write_cost_usd",
                                    PriceRow::cacheWritePerMtok);
                }
            }
            rows.sort(ORDER);
            return new Result(rows, unpriced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> CLASS_ORDER = List.of("input", "output", "cache_read", "cache_write");
    static final Comparator<FocusRow> ORDER =
            Comparator.comparing(FocusRow::chargePeriodStart)
                    .thenComparing(FocusRow::subAccountId)
                    .thenComparing(FocusRow::caller)
                    .thenComparing(FocusRow::resourceId)
                    .thenComparing(FocusRow::regionId)
                    .thenComparing(r -> CLASS_ORDER.indexOf(r.tokenClass()));

    /**
     * @return 1 when the class has tokens but no cost (left out), else 0
     */
    private static int add(
            List<FocusRow> rows,
            Record r,
            Instant hour,
            PriceCatalog catalog,
            String tokenClass,
            String tokensColumn,
            String costColumn,
            Function<PriceRow, BigDecimal> perMtok) {
        long tokens = (Long) r.getField(tokensColumn);
        if (tokens == 0) {
            return 0;
        }
        BigDecimal cost = (BigDecimal) r.getField(costColumn);
        if (cost == null) {
            return 1;
        }
        String model = (String) r.getField("model_id");
        String region = (String) r.getField("region");
        PriceRow price = catalog.find(model, region, hour.toEpochMilli());
        rows.add(
                new FocusRow(
                        hour,
                        hour.plusSeconds(3600),
                        cost,
                        cost,
                        price == null ? null : perMtok.apply(price),
                        BigDecimal.valueOf(tokens).divide(MILLION),
                        BigDecimal.valueOf(tokens),
                        region,
                        (String) r.getField("account_id"),
                        model,
                        "Amazon Bedrock " + model + " " + tokenClass.replace('_', ' ') + " tokens",
                        (String) r.getField("caller_arn"),
                        tokenClass,
                        null,
                        null));
        return 0;
    }
}
