package com.bedrockusage.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * infra/template.yaml as a plain YAML tree, with the few CloudFormation semantics the tests need:
 * which names an expression refers to ({@code Ref}, {@code Fn::GetAtt}, {@code ${X}} in {@code
 * Fn::Sub}) and the strings an expression can evaluate to ({@code Fn::If} branches expanded,
 * references kept as {@code ${Name}}).
 */
final class CfnTemplate {

    static final Set<String> PSEUDO_PARAMETERS =
            Set.of(
                    "AWS::AccountId",
                    "AWS::NotificationARNs",
                    "AWS::NoValue",
                    "AWS::Partition",
                    "AWS::Region",
                    "AWS::StackId",
                    "AWS::StackName",
                    "AWS::URLSuffix");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    final String text;
    final JsonNode root;

    private CfnTemplate(String text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    static Path infraDir() {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return Files.exists(base.resolve("template.yaml")) ? base : base.resolve("infra");
    }

    static CfnTemplate load() {
        return load("template.yaml");
    }

    /** Another template of infra/, e.g. {@code spoke.yaml}. */
    static CfnTemplate load(String name) {
        Path file = infraDir().resolve(name);
        try {
            String text = Files.readString(file);
            return new CfnTemplate(text, new ObjectMapper(new YAMLFactory()).readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode resources() {
        return root.path("Resources");
    }

    JsonNode parameters() {
        return root.path("Parameters");
    }

    JsonNode conditions() {
        return root.path("Conditions");
    }

    JsonNode outputs() {
        return root.path("Outputs");
    }

    JsonNode resource(String logicalId) {
        JsonNode r = resources().get(logicalId);
        if (r == null) {
            throw new AssertionError("no resource " + logicalId);
        }
        return r;
    }

    /** The MSF application's runtime property groups, each a {@code PropertyGroupId} and map. */
    JsonNode applicationPropertyGroups() {
        return resource("Application")
                .at("/Properties/ApplicationConfiguration/EnvironmentProperties/PropertyGroups");
    }

    /** The {@code PropertyMap} of the application's property group {@code groupId}, or null. */
    JsonNode applicationProperties(String groupId) {
        JsonNode found = null;
        for (JsonNode g : applicationPropertyGroups()) {
            if (g.path("PropertyGroupId").asText().equals(groupId)) {
                found = g.path("PropertyMap");
            }
        }
        return found;
    }

    List<String> resourceIdsOfType(String type) {
        List<String> ids = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (type.equals(e.getValue().path("Type").asText())) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every object and array in {@code node}, depth first. */
    static void walk(JsonNode node, Consumer<JsonNode> visitor) {
        visitor.accept(node);
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                walk(child, visitor);
            }
        }
    }

    /**
     * Names referred to inside {@code node}: Ref targets, GetAtt resources and Fn::Sub variables
     * (heads only).
     */
    static Set<String> references(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        collectReferences(node, names);
        return names;
    }

    private static void collectReferences(JsonNode node, Set<String> out) {
        if (node.isObject() && node.size() == 1) {
            if (node.has("Ref")) {
                out.add(node.get("Ref").asText());
                return;
            }
            if (node.has("Fn::GetAtt")) {
                JsonNode a = node.get("Fn::GetAtt");
                out.add(a.isArray() ? a.get(0).asText() : a.asText().split("\\.", 2)[0]);
                return;
            }
            if (node.has("Fn::Sub")) {
                JsonNode sub = node.get("Fn::Sub");
                Set<String> local = new LinkedHashSet<>();
                String body = sub.isArray() ? sub.get(0).asText() : sub.asText();
                if (sub.isArray() && sub.size() > 1) {
                    local.addAll(fieldNames(sub.get(1)));
                    for (JsonNode v : sub.get(1)) {
                        collectReferences(v, out);
                    }
                }
                for (String v : subVariables(body)) {
                    if (!local.contains(v)) {
                        out.add(v);
                    }
                }
                return;
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                collectReferences(child, out);
            }
        }
    }

    static List<String> subVariables(String body) {
        List<String> vars = new ArrayList<>();
        Matcher m = SUB_VARIABLE.matcher(body);
        while (m.find()) {
            String v = m.group(1);
            vars.add(v.startsWith("AWS::") ? v : v.split("\\.", 2)[0]);
        }
        return vars;
    }

    /**
     * Condition names used inside {@code node}: Fn::If heads and {"Condition": X} (in Conditions).
     */
    static Set<String> conditionUses(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        walk(
                node,
                n -> {
                    if (n.isObject() && n.has("Fn::If")) {
                        names.add(n.get("Fn::If").get(0).asText());
                    }
                    if (n.isObject()
                            && n.size() == 1
                            && n.has("Condition")
                            && n.get("Condition").isTextual()) {
                        names.add(n.get("Condition").asText());
                    }
                });
        return names;
    }

    static boolean isNoValue(JsonNode node) {
        return node.isObject()
                && node.size() == 1
                && "AWS::NoValue".equals(node.path("Ref").asText(null));
    }

    /**
     * The strings {@code node} can evaluate to: both branches of every Fn::If (AWS::NoValue
     * dropped), list items flattened, Ref/GetAtt kept as {@code ${Name}} / {@code ${Name.Attr}},
     * Fn::Sub variables substituted with the alternatives of their local definitions.
     */
    static List<String> alternatives(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull() || isNoValue(node)) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                out.addAll(alternatives(item));
            }
            return out;
        }
        if (node.isValueNode()) {
            out.add(node.asText());
            return out;
        }
        if (node.has("Fn::If")) {
            out.addAll(alternatives(node.get("Fn::If").get(1)));
            out.addAll(alternatives(node.get("Fn::If").get(2)));
            return out;
        }
        if (node.has("Ref")) {
            out.add("${" + node.get("Ref").asText() + "}");
            return out;
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode a = node.get("Fn::GetAtt");
            out.add(
                    "${"
                            + (a.isArray()
                                    ? a.get(0).asText() + "." + a.get(1).asText()
                                    : a.asText())
                            + "}");
            return out;
        }
        if (node.has("Fn::Sub")) {
            JsonNode sub = node.get("Fn::Sub");
            if (!sub.isArray()) {
                out.add(sub.asText());
                return out;
            }
            List<String> partial = new ArrayList<>(List.of(sub.get(0).asText()));
            JsonNode vars = sub.size() > 1 ? sub.get(1) : null;
            if (vars != null) {
                for (String name : fieldNames(vars)) {
                    List<String> next = new ArrayList<>();
                    for (String p : partial) {
                        for (String value : alternatives(vars.get(name))) {
                            next.add(p.replace("${" + name + "}", value));
                        }
                    }
                    partial = next;
                }
            }
            out.addAll(partial);
            return out;
        }
        throw new AssertionError("cannot evaluate " + node);
    }

    /**
     * Items of a list that may hold Fn::If-wrapped items: every branch that is not AWS::NoValue.
     */
    static List<JsonNode> items(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode item : list) {
                out.addAll(items(item));
            }
        } else if (list.isObject() && list.has("Fn::If")) {
            out.addAll(items(list.get("Fn::If").get(1)));
            out.addAll(items(list.get("Fn::If").get(2)));
        } else if (!isNoValue(list) && !list.isMissingNode()) {
            out.add(list);
        }
        return out;
    }
}
