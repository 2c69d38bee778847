package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.ConfigKey;
import com.bedrockusage.job.config.ConfigKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The MSF runtime properties in the template against the job's own definition of them. */
class RuntimePropertiesTemplateTest {

    private static final CfnTemplate T = CfnTemplate.load();

    /** Fixed values that deliberately differ from the job's local-run defaults. */
    private static final Map<String, String> DEPLOYED_OVERRIDES =
            Map.of("iceberg.catalog-type", "glue");

    @Test
    void shouldCarryExactlyTheJobsRuntimePropertyGroupsAndKeys() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (ConfigKey k : ConfigKeys.runtimeProperties()) {
            expected.computeIfAbsent(k.group(), g -> new TreeSet<>()).add(k.key());
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JsonNode g : T.applicationPropertyGroups()) {
            Set<String> keys =
                    actual.computeIfAbsent(
                            g.path("PropertyGroupId").asText(), id -> new TreeSet<>());
            g.path("PropertyMap").fieldNames().forEachRemaining(keys::add);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shouldNotCarryLocalOnlyKeys() {
        Set<String> local = new TreeSet<>();
        for (ConfigKey k : ConfigKeys.all()) {
            if (k.localOnly()) {
                local.add(k.fullName());
            }
        }
        assertThat(local).isNotEmpty();
        assertThat(templateValues().keySet()).doesNotContainAnyElementsOf(local);
    }

    @Test
    void shouldNeverPassAnEmptyValueBecauseMsfRejectsThem() {
        templateValues()
                .forEach(
                        (key, value) -> {
                            assertThat(value.isNull()).as(key).isFalse();
                            for (String alternative : CfnTemplate.alternatives(value)) {
                                assertThat(alternative).as(key).isNotBlank();
                            }
                        });
    }

    @Test
    void shouldKeepTheJobDefaultForEveryFixedValue() {
        Map<String, ConfigKey> keys = ConfigKeys.byFullName();
        templateValues()
                .forEach(
                        (key, value) -> {
                            if (value.isValueNode()) {
                                String expected =
                                        DEPLOYED_OVERRIDES.getOrDefault(
                                                key, keys.get(key).defaultValue());
                                assertThat(value.asText()).as(key).isEqualTo(expected);
                            }
                        });
        DEPLOYED_OVERRIDES.forEach(
                (key, value) ->
                        assertThat(keys.get(key).defaultValue())
                                .as("override of " + key + " is not needed")
                                .isNotEqualTo(value));
    }

    @Test
    void shouldPointTheJobAtTheResourcesOfTheStack() {
        Map<String, JsonNode> v = templateValues();
        assertThat(CfnTemplate.alternatives(v.get("source.kinesis.stream-arn")))
                .containsExactly("${LogStream.Arn}");
        assertThat(CfnTemplate.alternatives(v.get("source.s3.path")))
                .containsExactly(
                        "s3://${LogBucket}/${LogKeyPrefix}",
                                "s3://${ExistingLogBucket}/${LogKeyPrefix}",
                        "s3://${LogBucket}/", "s3://${ExistingLogBucket}/");
        assertThat(CfnTemplate.alternatives(v.get("iceberg.warehouse")))
                .containsExactly("s3://${WarehouseBucket}/warehouse");
        assertThat(CfnTemplate.alternatives(v.get("iceberg.namespace")))
                .containsExactly("${GlueDatabase}");
        assertThat(CfnTemplate.alternatives(v.get("iceberg.region")))
                .containsExactly("${AWS::Region}");
        assertThat(CfnTemplate.alternatives(v.get("alerts.sns.topic-arn")))
                .containsExactly("${AlertTopic}");
        assertThat(CfnTemplate.alternatives(v.get("report.output")))
                .containsExactly("s3://${WarehouseBucket}/reports");
    }

    @Test
    void shouldReadConfigFilesOnlyFromTheCodeBucket() {
        Map<String, JsonNode> v = templateValues();
        for (String key : new String[] {"pricing.catalog", "pricing.updates-dir", "alerts.rules"}) {
            assertThat(CfnTemplate.alternatives(v.get(key)))
                    .as(key)
                    .singleElement()
                    .asString()
                    .startsWith("s3://${CodeBucket}/");
        }
    }

    @Test
    void shouldStayWithinTheLimitsOfMsfRuntimeProperties() {
        JsonNode groups = T.applicationPropertyGroups();
        assertThat(groups.size()).isBetween(1, 50);
        for (JsonNode g : groups) {
            String id = g.path("PropertyGroupId").asText();
            assertThat(id).matches("[a-zA-Z0-9_.-]{1,50}");
            assertThat(g.path("PropertyMap").size()).as(id).isBetween(1, 50);
            g.path("PropertyMap")
                    .fieldNames()
                    .forEachRemaining(k -> assertThat(k.length()).isBetween(1, 2048));
        }
    }

    /** {@code group.key} to the template expression of its value, in template order. */
    private static Map<String, JsonNode> templateValues() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (JsonNode g : T.applicationPropertyGroups()) {
            String group = g.path("PropertyGroupId").asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = g.path("PropertyMap").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(values.put(group + "." + e.getKey(), e.getValue()))
                        .as("duplicate " + e.getKey())
                        .isNull();
            }
        }
        return values;
    }
}
