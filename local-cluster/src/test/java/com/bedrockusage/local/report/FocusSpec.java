package com.bedrockusage.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The FOCUS 1.2 rules of the columns the export writes (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec,
 * specification/columns/*.md): data type, whether null is allowed on a Usage row, and allowed
 * values. Custom columns must start with {@code x_}.
 */
final class FocusSpec {

    enum Type {
        DATETIME,
        DECIMAL,
        STRING,
        JSON
    }

    record Column(Type type, boolean nullable, Set<String> allowed) {}

    static final Map<String, Column> COLUMNS =
            Map.ofEntries(
                    Map.entry("ChargePeriodStart", new Column(Type.DATETIME, false, null)),
                    Map.entry("ChargePeriodEnd", new Column(Type.DATETIME, false, null)),
                    // ISO 4217 currency code
                    Map.entry("BillingCurrency", new Column(Type.STRING, false, Set.of("USD"))),
                    Map.entry("ListCost", new Column(Type.DECIMAL, false, null)),
                    Map.entry("EffectiveCost", new Column(Type.DECIMAL, false, null)),
                    Map.entry("ListUnitPrice", new Column(Type.DECIMAL, true, null)),
                    // not null when ChargeCategory is Usage or Purchase and ChargeClass is not
                    // Correction
                    Map.entry("PricingQuantity", new Column(Type.DECIMAL, false, null)),
                    Map.entry("PricingUnit", new Column(Type.STRING, false, null)),
                    Map.entry("ConsumedQuantity", new Column(Type.DECIMAL, false, null)),
                    Map.entry("ConsumedUnit", new Column(Type.STRING, false, null)),
                    Map.entry("ServiceName", new Column(Type.STRING, false, null)),
                    Map.entry(
                            "ServiceCategory",
                            new Column(
                                    Type.STRING,
                                    false,
                                    Set.of(
                                            "AI and Machine Learning",
                                            "Analytics",
                                            "Business Applications",
                                            "Compute",
                                            "Databases",
                                            "Developer Tools",
                                            "Multicloud",
                                            "Identity",
                                            "Integration",
                                            "Internet of Things",
                                            "Management and Governance",
                                            "Media",
                                            "Migration",
                                            "Mobile",
                                            "Networking",
                                            "Security",
                                            "Storage",
                                            "Web",
                                            "Other"))),
                    Map.entry("ProviderName", new Column(Type.STRING, false, null)),
                    Map.entry("RegionId", new Column(Type.STRING, true, null)),
                    Map.entry("SubAccountId", new Column(Type.STRING, true, null)),
                    Map.entry("ResourceId", new Column(Type.STRING, true, null)),
                    Map.entry(
                            "ChargeCategory",
                            new Column(
                                    Type.STRING,
                                    false,
                                    Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment"))),
                    Map.entry("ChargeDescription", new Column(Type.STRING, true, null)),
                    Map.entry("Tags", new Column(Type.JSON, true, null)));

    private FocusSpec() {}

    static void checkHeader(List<String> header) {
        assertThat(header).containsAll(COLUMNS.keySet());
        for (String c : header) {
            assertThat(COLUMNS.containsKey(c) || c.startsWith("x_"))
                    .as("custom column %s needs the x_ prefix", c)
                    .isTrue();
        }
        assertThat(header).contains("x_Caller", "x_TokenClass", "x_CacheTTL", "x_ServiceTier");
    }

    static void checkRow(List<String> header, List<String> cells) {
        assertThat(cells).hasSameSizeAs(header);
        Instant start = null;
        for (int i = 0; i < header.size(); i++) {
            Column c = COLUMNS.get(header.get(i));
            String v = cells.get(i);
            if (c == null) {
                continue;
            }
            if (v.isEmpty()) {
                assertThat(c.nullable())
                        .as("%s may not be null: %s", header.get(i), cells)
                        .isTrue();
                continue;
            }
            switch (c.type()) {
                case DATETIME -> {
                    // ISO 8601 in UTC
                    assertThat(v).as(header.get(i)).endsWith("Z");
                    Instant t = Instant.parse(v);
                    if (header.get(i).equals("ChargePeriodStart")) {
                        start = t;
                    } else {
                        assertThat(t).isAfter(start);
                    }
                }
                case DECIMAL -> {
                    assertThat(v).as(header.get(i)).doesNotContain("E").doesNotContain("e");
                    assertThat(new BigDecimal(v).signum())
                            .as(header.get(i))
                            .isGreaterThanOrEqualTo(0);
                }
                case JSON -> assertThat(v).startsWith("{");
                case STRING -> assertThat(v).isNotBlank();
            }
            if (c.allowed() != null) {
                assertThat(c.allowed()).as(header.get(i)).contains(v);
            }
        }
    }

    static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
