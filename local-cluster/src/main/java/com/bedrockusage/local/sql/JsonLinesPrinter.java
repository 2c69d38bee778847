package com.bedrockusage.local.sql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.Row;

/**
 * One JSON object per row, keyed by column name. Numbers stay numbers (decimals exact and plain);
 * timestamps are ISO-8601 strings (with the offset for TIMESTAMP_LTZ); maps are objects.
 */
final class JsonLinesPrinter implements ResultPrinter {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final ZoneId zone;

    JsonLinesPrinter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public long print(List<String> columns, Iterator<Row> rows, PrintStream out) {
        long count = 0;
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                ObjectNode node = NODES.objectNode();
                for (int i = 0; i < columns.size(); i++) {
                    node.set(columns.get(i), json(row.getField(i)));
                }
                out.println(MAPPER.writeValueAsString(node));
                count++;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        out.flush();
        return count;
    }

    private JsonNode json(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Integer n) {
            return NODES.numberNode(n);
        }
        if (v instanceof Short n) {
            return NODES.numberNode(n);
        }
        if (v instanceof Byte n) {
            return NODES.numberNode(n);
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? NODES.textNode(d.toString()) : NODES.numberNode(d);
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? NODES.textNode(f.toString()) : NODES.numberNode(f);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Instant t) {
            return NODES.textNode(
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            t.atZone(zone).toOffsetDateTime()));
        }
        if (v instanceof LocalDateTime t) {
            return NODES.textNode(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t));
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            Values.sorted(m).forEach((k, val) -> o.set(String.valueOf(k), json(val)));
            return o;
        }
        if (v instanceof Object[] a) {
            ArrayNode arr = NODES.arrayNode();
            for (Object e : a) {
                arr.add(json(e));
            }
            return arr;
        }
        return NODES.textNode(v.toString());
    }
}
