package com.bedrockusage.job.pricing;

import com.bedrockusage.job.MetricNames;
import com.bedrockusage.pricing.PriceCsv;
import com.bedrockusage.pricing.PriceRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each line of a price update once, before it is broadcast: a bad line is logged with its
 * file and line number and counted ({@value MetricNames#BAD_PRICE_LINES}); the valid lines go on,
 * normalized by {@link PriceCsv#toCsvLine}. A header line decides which optional columns the lines
 * below it have; without one, lines of eight or of all thirteen columns are read. A second,
 * different row for the same key in one file is bad (its order would decide the price), as in
 * {@link PriceCsv#read(java.io.Reader, String)}. Runs at parallelism 1, so each bad line is counted
 * once.
 */
public class ValidatePriceLines extends RichFlatMapFunction<PriceUpdate, PriceUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ValidatePriceLines.class);

    private transient Counter badLines;
    private transient Counter updates;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        badLines = MetricNames.counter(metrics, MetricNames.BAD_PRICE_LINES);
        updates = MetricNames.counter(metrics, MetricNames.PRICE_UPDATES);
    }

    @Override
    public void flatMap(PriceUpdate update, Collector<PriceUpdate> out) {
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        int bad = 0;
        PriceCsv.Layout layout = null;
        for (int i = 0; i < update.size(); i++) {
            String raw = update.lines[i];
            int lineNo = update.lineNumber(i);
            if (raw != null && PriceCsv.isHeader(PriceLines.stripBom(raw).trim())) {
                // the header names the optional columns (above_input_tokens, service_tier, unit,
                // ...) of the lines below
                try {
                    layout = PriceCsv.layoutOf(PriceLines.stripBom(raw), update.origin, lineNo);
                } catch (RuntimeException e) {
                    bad++;
                    LOG.warn("Bad price header {}:{}: {}", update.origin, lineNo, e.getMessage());
                }
                continue;
            }
            if (PriceLines.isIgnorable(raw)) {
                continue;
            }
            PriceRow row;
            try {
                String line = PriceLines.stripBom(raw);
                row =
                        layout == null
                                ? PriceCsv.parseLine(line, update.origin, lineNo)
                                : layout.parse(line, update.origin, lineNo);
            } catch (RuntimeException e) {
                bad++;
                LOG.warn("Bad price line {}:{}: {}", update.origin, lineNo, e.getMessage());
                continue;
            }
            String line = PriceCsv.toCsvLine(row);
            Integer first = lineOfId.putIfAbsent(row.id(), lines.size());
            if (first != null) {
                if (!lines.get(first).equals(line)) {
                    bad++;
                    LOG.warn(
                            "Bad price line {}:{}: a different row for {} is on line {}",
                            update.origin,
                            lineNo,
                            row.id(),
                            numbers.get(first));
                }
                continue;
            }
            lines.add(line);
            numbers.add(lineNo);
        }
        badLines.inc(bad);
        LOG.info("Price file {}: {} valid rows, {} bad lines", update.origin, lines.size(), bad);
        if (lines.isEmpty()) {
            return;
        }
        PriceUpdate valid = new PriceUpdate();
        valid.origin = update.origin;
        valid.lines = lines.toArray(new String[0]);
        valid.lineNumbers = new int[numbers.size()];
        for (int i = 0; i < valid.lineNumbers.length; i++) {
            valid.lineNumbers[i] = numbers.get(i);
        }
        updates.inc();
        out.collect(valid);
    }
}
