package com.bedrockusage.local.report;

import com.bedrockusage.job.report.DailyReportCsv;
import com.bedrockusage.job.report.DailyReportRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily report as one JSON document: the date, totals and rows. Charges are strings in the
 * CSV's exact decimal format, so no JSON reader turns them into floating point; null for a line
 * without any priced call.
 */
final class ReportJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    static String of(LocalDate date, List<DailyReportRow> rows) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("date", date.toString());
        long in = 0;
        long out = 0;
        BigDecimal charges = BigDecimal.ZERO;
        ArrayNode array = MAPPER.createArrayNode();
        for (DailyReportRow r : rows) {
            ObjectNode o = array.addObject();
            o.put("accountId", r.accountId);
            o.put("identityArn", r.identityArn);
            o.put("modelId", r.modelId);
            o.put("regionName", r.region);
            o.put("inputTokens", r.inputTokens);
            o.put("outputTokens", r.outputTokens);
            if (r.charges == null) {
                o.putNull("chargesUsd");
            } else {
                o.put("chargesUsd", DailyReportCsv.charges(r.charges));
                charges = charges.add(r.charges);
            }
            in += r.inputTokens;
            out += r.outputTokens;
        }
        doc.put("rows", rows.size());
        doc.put("totalInputTokens", in);
        doc.put("totalOutputTokens", out);
        doc.put("totalChargesUsd", DailyReportCsv.charges(charges));
        doc.set("usage", array);
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
