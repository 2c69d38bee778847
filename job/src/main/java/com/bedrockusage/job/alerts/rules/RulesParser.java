package com.bedrockusage.job.alerts.rules;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.Metric;
import com.bedrockusage.job.alerts.ReconciliationAlerts;
import com.bedrockusage.job.alerts.RuleKind;
import com.bedrockusage.job.alerts.ScopeType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rules file (JSON or YAML: {@code {"rules": [...]}}), lays it over the built-in defaults
 * and validates every rule. All problems are collected into one {@link RulesException}, each naming
 * the rule id and the field.
 */
public final class RulesParser {

    public static final String DEFAULTS_RESOURCE = "/alerts/default-rules.yaml";

    static final Set<String> FIELDS =
            new LinkedHashSet<>(
                    Arrays.asList(
                            "id",
                            "name",
                            "description",
                            "enabled",
                            "kind",
                            "metric",
                            "scope",
                            "window",
                            "threshold",
                            "severity",
                            "min_invocations",
                            "factor",
                            "baseline_windows",
                            "min_volume",
                            "min_elapsed",
                            "accounts",
                            "models",
                            "arn_contains"));
    static final List<String> SEVERITIES =
            Arrays.asList("info", "low", "medium", "high", "critical");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final long DEFAULT_MIN_INVOCATIONS_ERROR_RATE = 20;
    private static final long DEFAULT_MIN_INVOCATIONS_P99 = 20;
    private static final long DEFAULT_MIN_INVOCATIONS_PER_TOKEN = 10;
    private static final BigDecimal DEFAULT_SPIKE_FACTOR = BigDecimal.valueOf(3);
    private static final int DEFAULT_BASELINE_WINDOWS = 6;

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RulesParser() {}

    /**
     * The enabled rules: the defaults (when {@code defaultsEnabled}) with the file's entries laid
     * over them by id, plus the file's own rules. {@code text} may be null (no rules file).
     */
    public static List<AlertRule> parse(String text, String origin, boolean defaultsEnabled)
            throws RulesException {
        List<String> problems = new ArrayList<>();
        Map<String, ObjectNode> defaults =
                entries(readTree(defaultsText(), DEFAULTS_RESOURCE), DEFAULTS_RESOURCE, problems);
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        if (defaultsEnabled) {
            merged.putAll(defaults);
        }
        if (text != null) {
            JsonNode root = readTree(text, origin);
            for (Map.Entry<String, ObjectNode> e : entries(root, origin, problems).entrySet()) {
                ObjectNode base = defaults.get(e.getKey());
                if (base != null) {
                    ObjectNode over = base.deepCopy();
                    over.setAll(e.getValue());
                    merged.put(e.getKey(), over);
                } else {
                    merged.put(e.getKey(), e.getValue());
                }
            }
        }
        List<AlertRule> rules = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : merged.entrySet()) {
            JsonNode enabled = e.getValue().get("enabled");
            if (enabled != null && !enabled.isBoolean()) {
                problems.add(at(e.getKey(), "enabled") + "use true or false");
                continue;
            }
            if (enabled != null && !enabled.booleanValue()) {
                continue;
            }
            AlertRule r = rule(e.getKey(), e.getValue(), problems);
            if (r != null) {
                rules.add(r);
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException(origin, problems);
        }
        return rules;
    }

    private static JsonNode readTree(String text, String origin) throws RulesException {
        String t = text.trim();
        boolean json = t.startsWith("{") || t.startsWith("[");
        try {
            JsonNode root = (json ? JSON : YAML).readTree(text);
            return root == null ? JSON.createObjectNode() : root;
        } catch (JsonProcessingException e) {
            throw new RulesException(
                    origin,
                    List.of(
                            "not valid "
                                    + (json ? "JSON" : "YAML")
                                    + ": "
                                    + e.getOriginalMessage()
                                    + location(e)));
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()
                        + ")";
    }

    private static Map<String, ObjectNode> entries(
            JsonNode root, String origin, List<String> problems) throws RulesException {
        if (!root.isObject() || root.size() == 0) {
            throw new RulesException(
                    origin,
                    List.of(
                            "expected an object with a \"rules\" list, e.g. "
                                    + "{\"rules\": [{\"id\": \"daily-budget\", \"metric\": \"cost_usd\", ...}]}"));
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("rules")) {
                problems.add("unknown top-level field '" + n + "' (only \"rules\" is allowed)");
            }
        }
        JsonNode list = root.get("rules");
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            problems.add("field 'rules' must be a list of rules");
            return out;
        }
        int index = 0;
        for (JsonNode entry : list) {
            index++;
            if (!entry.isObject()) {
                problems.add("rule #" + index + ": must be an object with an id");
                continue;
            }
            JsonNode id = entry.get("id");
            if (id == null || !id.isTextual() || id.asText().trim().isEmpty()) {
                problems.add(
                        "rule #" + index + ": field 'id' is missing; every rule needs a unique id");
                continue;
            }
            String rid = id.asText().trim();
            if (!ID.matcher(rid).matches()) {
                problems.add(
                        at(rid, "id")
                                + "use 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit");
                continue;
            }
            if (out.containsKey(rid)) {
                problems.add(at(rid, "id") + "used by more than one rule");
                continue;
            }
            out.put(rid, (ObjectNode) entry);
        }
        return out;
    }

    private static AlertRule rule(String id, ObjectNode n, List<String> problems) {
        int before = problems.size();
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                problems.add(
                        at(id, f) + "unknown field; known fields are " + String.join(", ", FIELDS));
            }
        }
        AlertRule r = new AlertRule();
        r.id = id;
        r.name = text(id, n, "name", problems);
        r.description = text(id, n, "description", problems);

        String kind = text(id, n, "kind", problems);
        r.kind = kind == null ? RuleKind.THRESHOLD : RuleKind.fromWireName(kind);
        if (r.kind == null) {
            problems.add(
                    at(id, "kind")
                            + "'"
                            + kind
                            + "' is not a kind; use threshold, forecast or spike");
        }

        String metric = text(id, n, "metric", problems);
        if (metric == null) {
            problems.add(at(id, "metric") + "missing; use one of " + Metric.wireNames());
        } else {
            r.metric = Metric.fromWireName(metric);
            if (r.metric == null) {
                problems.add(
                        at(id, "metric")
                                + "'"
                                + metric
                                + "' is not a metric; use one of "
                                + Metric.wireNames());
            }
        }

        String scope = text(id, n, "scope", problems);
        scope(r, scope == null ? "global" : scope, problems);

        String window = text(id, n, "window", problems);
        if (window == null) {
            problems.add(at(id, "window") + "missing; use 5m, 1h, 1d or month");
        } else {
            r.window = window;
            r.windowMillis = AlertWindows.parse(window);
            if (r.windowMillis < 0) {
                problems.add(
                        at(id, "window")
                                + "'"
                                + window
                                + "' is not a window; use 5m, 1h, 1d, month, or a whole"
                                + " number of minutes or hours that divides a day (e.g. 15m, 6h)");
            }
        }

        String severity = text(id, n, "severity", problems);
        r.severity = severity == null ? "medium" : severity.toLowerCase();
        if (!SEVERITIES.contains(r.severity)) {
            problems.add(
                    at(id, "severity")
                            + "'"
                            + severity
                            + "' is not a severity; use one of "
                            + SEVERITIES);
        }

        r.threshold = decimal(id, n, "threshold", problems);
        r.factor = decimal(id, n, "factor", problems);
        r.minVolume = decimal(id, n, "min_volume", problems);
        Long minInvocations = whole(id, n, "min_invocations", problems);
        Long baseline = whole(id, n, "baseline_windows", problems);
        String minElapsed = text(id, n, "min_elapsed", problems);
        r.accounts = list(id, n, "accounts", problems);
        r.models = list(id, n, "models", problems);
        r.arnContains = text(id, n, "arn_contains", problems);

        if (problems.size() > before || r.kind == null || r.metric == null) {
            return null;
        }
        r.minInvocations =
                minInvocations != null
                        ? minInvocations
                        : r.metric == Metric.ERROR_RATE
                                ? DEFAULT_MIN_INVOCATIONS_ERROR_RATE
                                : r.metric == Metric.LATENCY_P99_MS
                                        ? DEFAULT_MIN_INVOCATIONS_P99
                                        : r.metric == Metric.LATENCY_PER_OUTPUT_TOKEN_MS
                                                ? DEFAULT_MIN_INVOCATIONS_PER_TOKEN
                                                : 0;

        if (r.kind == RuleKind.SPIKE) {
            spike(r, n, baseline, problems);
        } else {
            if (r.threshold == null) {
                problems.add(
                        at(id, "threshold")
                                + "missing; a "
                                + r.kind.wireName()
                                + " rule fires when "
                                + r.metric.wireName()
                                + " reaches it");
            } else if (r.threshold.signum() <= 0) {
                problems.add(at(id, "threshold") + "must be greater than 0");
            } else if (r.metric == Metric.ERROR_RATE && r.threshold.compareTo(BigDecimal.ONE) > 0) {
                problems.add(at(id, "threshold") + "error_rate is a fraction: use 0.05 for 5%");
            }
            for (String f : Arrays.asList("factor", "baseline_windows", "min_volume")) {
                if (n.has(f)) {
                    problems.add(at(id, f) + "only spike rules take " + f);
                }
            }
        }
        if (r.metric.isReconciliation()) {
            ReconciliationAlerts.validate(r, problems);
        }
        if (r.kind == RuleKind.FORECAST) {
            requireAdditive(r, problems);
            if (minElapsed != null) {
                r.minElapsedMillis = AlertWindows.parseDuration(minElapsed);
                if (r.minElapsedMillis <= 0) {
                    problems.add(
                            at(id, "min_elapsed")
                                    + "'"
                                    + minElapsed
                                    + "' is not a duration like 30m, 6h or 3d");
                }
            }
        } else if (minElapsed != null) {
            problems.add(at(id, "min_elapsed") + "only forecast rules take min_elapsed");
        }
        return problems.size() > before ? null : r;
    }

    private static void spike(AlertRule r, ObjectNode n, Long baseline, List<String> problems) {
        requireAdditive(r, problems);
        if (n.has("threshold")) {
            problems.add(
                    at(r.id, "threshold")
                            + "spike rules compare with their own past: use factor, "
                            + "baseline_windows and min_volume instead");
        }
        r.threshold = null;
        r.factor = r.factor == null ? DEFAULT_SPIKE_FACTOR : r.factor;
        if (r.factor.compareTo(BigDecimal.ONE) <= 0) {
            problems.add(
                    at(r.id, "factor")
                            + "must be greater than 1 (e.g. 3 for three times the usual)");
        }
        r.baselineWindows =
                baseline == null
                        ? DEFAULT_BASELINE_WINDOWS
                        : (int) Math.min(baseline, Integer.MAX_VALUE);
        if (r.baselineWindows < 1 || r.baselineWindows > 1000) {
            problems.add(at(r.id, "baseline_windows") + "use 1 to 1000 previous windows");
        }
        if (r.minVolume == null) {
            problems.add(
                    at(r.id, "min_volume")
                            + "missing; spike rules need the smallest current value worth an "
                            + "alert (e.g. 10 for cost_usd), so a quiet key going from 1 to 4 calls does not fire");
        } else if (r.minVolume.signum() <= 0) {
            problems.add(at(r.id, "min_volume") + "must be greater than 0");
        }
    }

    private static void requireAdditive(AlertRule r, List<String> problems) {
        if (!r.metric.isAdditive()) {
            problems.add(
                    at(r.id, "metric")
                            + r.kind.wireName()
                            + " rules need a metric that adds up over the "
                            + "window (cost_usd, *_tokens, invocations, errors, unpriced_invocations), not "
                            + r.metric.wireName());
        }
    }

    private static void scope(AlertRule r, String scope, List<String> problems) {
        if (scope.startsWith("tag:")) {
            String key = scope.substring(4).trim();
            if (key.isEmpty()) {
                problems.add(at(r.id, "scope") + "name the requestMetadata key, e.g. tag:team");
                return;
            }
            r.scopeType = ScopeType.TAG;
            r.scopeTag = key;
            return;
        }
        r.scopeType = ScopeType.fromWireName(scope);
        if (r.scopeType == null || r.scopeType == ScopeType.TAG) {
            problems.add(
                    at(r.id, "scope")
                            + "'"
                            + scope
                            + "' is not a scope; use global, account, caller, app, "
                            + "model or tag:<requestMetadata key>");
        }
    }

    private static String text(String id, JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            problems.add(at(id, field) + "must be a string");
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static BigDecimal decimal(String id, JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            problems.add(at(id, field) + "must be a number, got " + v);
            return null;
        }
        return v.decimalValue().stripTrailingZeros();
    }

    private static Long whole(String id, JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.longValue() < 0) {
            problems.add(at(id, field) + "must be a whole number of 0 or more, got " + v);
            return null;
        }
        return v.longValue();
    }

    private static String[] list(String id, JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return new String[0];
        }
        if (!v.isArray()) {
            problems.add(at(id, field) + "must be a list of strings");
            return new String[0];
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                problems.add(
                        at(id, field)
                                + "must be a list of strings, got "
                                + e
                                + (e.isNumber()
                                        ? " (quote account ids: as numbers they lose leading zeros)"
                                        : ""));
                continue;
            }
            out.add(e.asText().trim());
        }
        return out.toArray(new String[0]);
    }

    public static String at(String id, String field) {
        return "rule '" + id + "': field '" + field + "': ";
    }

    static String defaultsText() {
        try (InputStream in = RulesParser.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
