package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateReferencesTest {

    private static final CfnTemplate T = CfnTemplate.load();

    @Test
    void shouldUseOnlyLongFormIntrinsicFunctions() {
        Pattern shortForm =
                Pattern.compile(
                        "(?m)(^|[\\s\\[{,:-])!(Ref|GetAtt|Sub|If|Equals|Not|And|Or|Join|Select"
                                + "|Split|FindInMap|Base64|Cidr|ImportValue|GetAZs|Condition|Transform|ToJsonString|Length)\\b");
        List<String> found = new ArrayList<>();
        Matcher m = shortForm.matcher(T.text);
        while (m.find()) {
            found.add(m.group().trim());
        }
        assertThat(found).isEmpty();
    }

    @Test
    void shouldDeclareTheUsualSections() {
        assertThat(CfnTemplate.fieldNames(T.root))
                .contains(
                        "AWSTemplateFormatVersion",
                        "Parameters",
                        "Conditions",
                        "Resources",
                        "Outputs");
        assertThat(T.root.get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        T.resources()
                .fields()
                .forEachRemaining(
                        e ->
                                assertThat(e.getValue().path("Type").asText())
                                        .as(e.getKey())
                                        .isNotEmpty());
    }

    @Test
    void shouldReferOnlyToDeclaredResourcesParametersAndPseudoParameters() {
        Set<String> declared = new HashSet<>(CfnTemplate.PSEUDO_PARAMETERS);
        declared.addAll(CfnTemplate.fieldNames(T.resources()));
        declared.addAll(CfnTemplate.fieldNames(T.parameters()));

        Set<String> used = new LinkedHashSet<>();
        used.addAll(CfnTemplate.references(T.root.path("Rules")));
        used.addAll(CfnTemplate.references(T.conditions()));
        used.addAll(CfnTemplate.references(T.resources()));
        used.addAll(CfnTemplate.references(T.outputs()));

        assertThat(used).isNotEmpty();
        assertThat(declared).containsAll(used);
    }

    @Test
    void shouldNotLetConditionsReferToResources() {
        Set<String> inConditions = CfnTemplate.references(T.conditions());
        assertThat(inConditions).doesNotContainAnyElementsOf(CfnTemplate.fieldNames(T.resources()));
    }

    @Test
    void shouldDependOnlyOnDeclaredResources() {
        Set<String> resources = new HashSet<>(CfnTemplate.fieldNames(T.resources()));
        T.resources()
                .fields()
                .forEachRemaining(
                        e -> {
                            for (JsonNode d : CfnTemplate.items(e.getValue().path("DependsOn"))) {
                                assertThat(resources)
                                        .as("DependsOn of " + e.getKey())
                                        .contains(d.asText());
                            }
                        });
    }

    @Test
    void shouldUseEveryParameter() {
        Set<String> used = new LinkedHashSet<>();
        used.addAll(CfnTemplate.references(T.conditions()));
        used.addAll(CfnTemplate.references(T.resources()));
        used.addAll(CfnTemplate.references(T.outputs()));
        assertThat(used).containsAll(CfnTemplate.fieldNames(T.parameters()));
    }

    @Test
    void shouldDeclareEveryConditionItUses() {
        Set<String> declared = new HashSet<>(CfnTemplate.fieldNames(T.conditions()));
        for (String section : new String[] {"Conditions", "Resources", "Outputs"}) {
            assertThat(declared)
                    .as(section)
                    .containsAll(CfnTemplate.conditionUses(T.root.path(section)));
        }
        conditionOfEachResourceAndOutput()
                .forEach((where, condition) -> assertThat(declared).as(where).contains(condition));
    }

    @Test
    void shouldUseEveryCondition() {
        Set<String> used = new LinkedHashSet<>();
        used.addAll(CfnTemplate.conditionUses(T.conditions()));
        used.addAll(CfnTemplate.conditionUses(T.resources()));
        used.addAll(CfnTemplate.conditionUses(T.outputs()));
        used.addAll(conditionOfEachResourceAndOutput().values());
        assertThat(used).containsAll(CfnTemplate.fieldNames(T.conditions()));
    }

    @Test
    void shouldListEveryParameterExactlyOnceInTheConsoleGroups() {
        JsonNode groups =
                T.root
                        .path("Metadata")
                        .path("AWS::CloudFormation::Interface")
                        .path("ParameterGroups");
        List<String> listed = new ArrayList<>();
        groups.forEach(g -> g.path("Parameters").forEach(p -> listed.add(p.asText())));
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(CfnTemplate.fieldNames(T.parameters()));
    }

    @Test
    void shouldOutputWhatUsersAndTheScriptsNeed() {
        JsonNode out = T.outputs();
        assertThat(CfnTemplate.alternatives(out.path("AlertTopicArn").path("Value")))
                .containsExactly("${AlertTopic}");
        assertThat(CfnTemplate.alternatives(out.path("ApplicationName").path("Value")))
                .containsExactly("${Application}");
        assertThat(CfnTemplate.alternatives(out.path("WarehouseLocation").path("Value")))
                .containsExactly("s3://${WarehouseBucket}/warehouse");
        assertThat(CfnTemplate.alternatives(out.path("LogBucketName").path("Value")))
                .containsExactly("${LogBucket}", "${ExistingLogBucket}");
        assertThat(CfnTemplate.alternatives(out.path("LogStreamArn").path("Value")))
                .containsExactly("${LogStream.Arn}");
        assertThat(CfnTemplate.alternatives(out.path("GlueDatabaseName").path("Value")))
                .containsExactly("${GlueDatabase}");
    }

    @Test
    void shouldUseTheWarehouseLocationTheJobIsGiven() {
        JsonNode iceberg = T.applicationProperties("iceberg");
        assertThat(iceberg).isNotNull();
        assertThat(CfnTemplate.alternatives(iceberg.get("warehouse")))
                .isEqualTo(
                        CfnTemplate.alternatives(
                                T.outputs().path("WarehouseLocation").path("Value")));
    }

    /** The Condition each resource and output is created under, by "Resources.id"/"Outputs.id". */
    private static Map<String, String> conditionOfEachResourceAndOutput() {
        Map<String, String> conditions = new LinkedHashMap<>();
        for (String section : List.of("Resources", "Outputs")) {
            forEachEntry(
                    T.root.path(section),
                    (id, node) -> {
                        if (node.has("Condition")) {
                            conditions.put(section + "." + id, node.get("Condition").asText());
                        }
                    });
        }
        return conditions;
    }

    private static void forEachEntry(JsonNode node, BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            action.accept(e.getKey(), e.getValue());
        }
    }
}
