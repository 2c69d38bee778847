package com.bedrockusage.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Raw settings as MSF hands them over: property groups of string keys and values. Sources layer on
 * top of each other (MSF runtime properties or a local JSON file of the same shape, then CLI
 * flags); every key must be one that {@link ConfigKeys} defines, so a typo stops the job instead of
 * being ignored.
 */
public final class PropertyGroups {

    private final Map<String, String> values = new LinkedHashMap<>();

    public static PropertyGroups empty() {
        return new PropertyGroups();
    }

    /** Groups as {@code KinesisAnalyticsRuntime.getApplicationProperties()} returns them. */
    public static PropertyGroups fromGroups(Map<String, Properties> groups) {
        PropertyGroups p = new PropertyGroups();
        for (Map.Entry<String, Properties> g : groups.entrySet()) {
            for (String key : g.getValue().stringPropertyNames()) {
                p.put(
                        g.getKey(),
                        key,
                        g.getValue().getProperty(key),
                        "runtime property group " + g.getKey());
            }
        }
        return p;
    }

    /**
     * A local file in the shape MSF uses for runtime properties: {@code [{"PropertyGroupId":
     * "pipeline", "PropertyMap": {"windows": "1m,1h"}}, ...]}.
     */
    public static PropertyGroups fromJsonFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new ConfigException(
                    "config file "
                            + file
                            + " must be a JSON array of {\"PropertyGroupId\": ..., \"PropertyMap\": {...}} objects");
        }
        PropertyGroups p = new PropertyGroups();
        for (JsonNode group : root) {
            JsonNode id = group.get("PropertyGroupId");
            JsonNode map = group.get("PropertyMap");
            if (id == null || !id.isTextual() || map == null || !map.isObject()) {
                throw new ConfigException(
                        "config file "
                                + file
                                + ": every entry needs a PropertyGroupId and a PropertyMap");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                p.put(id.asText(), f.getKey(), f.getValue().asText(), "config file " + file);
            }
        }
        return p;
    }

    /** Overlays {@code other} on this (other wins). */
    public PropertyGroups overlay(PropertyGroups other) {
        PropertyGroups p = new PropertyGroups();
        p.values.putAll(values);
        p.values.putAll(other.values);
        return p;
    }

    /** {@code --set group.key=value}. */
    public PropertyGroups set(String fullName, String value) {
        ConfigKey key = ConfigKeys.byFullName().get(fullName);
        if (key == null) {
            throw unknown(fullName, "--set");
        }
        values.put(fullName, value);
        return this;
    }

    /** Parses {@code group.key=value}. */
    public PropertyGroups set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set expects group.key=value, got '" + assignment + "'");
        }
        return set(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
    }

    /** The value, or the key's default when unset. */
    public String get(ConfigKey key) {
        String v = values.get(key.fullName());
        return v == null ? key.defaultValue() : v;
    }

    public boolean isSet(ConfigKey key) {
        return values.containsKey(key.fullName());
    }

    public Map<String, String> asMap() {
        return new LinkedHashMap<>(values);
    }

    private void put(String group, String key, String value, String origin) {
        String fullName = group + "." + key;
        if (!ConfigKeys.byFullName().containsKey(fullName)) {
            throw unknown(fullName, origin);
        }
        values.put(fullName, value);
    }

    private static ConfigException unknown(String fullName, String origin) {
        return new ConfigException(
                "unknown setting '"
                        + fullName
                        + "' (from "
                        + origin
                        + "). Known settings are listed in README.md, section Configuration; e.g. "
                        + ConfigKeys.all().get(0).fullName());
    }
}
