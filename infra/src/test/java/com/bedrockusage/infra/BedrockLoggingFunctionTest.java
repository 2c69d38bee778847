package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inline Lambda behind Custom::BedrockInvocationLogging (CloudFormation has no native resource
 * for it).
 */
class BedrockLoggingFunctionTest {

    private static final CfnTemplate T = CfnTemplate.load();

    @TempDir Path tmp;

    @Test
    void shouldFitTheInlineCodeLimit() {
        assertThat(code().length()).isBetween(100, 4096);
    }

    @Test
    void shouldBeWiredToTheResourcesOfTheStack() {
        BedrockLoggingWiring.assertWiredToItsOwnStack(T);
        // Bedrock checks the bucket policy when logging is switched on
        assertThat(CfnTemplate.items(T.resource("BedrockInvocationLogging").path("DependsOn")))
                .extracting(JsonNode::asText)
                .contains("LogBucketPolicy");
        for (String id :
                List.of(
                        "BedrockInvocationLogging",
                        "LoggingConfigFunction",
                        "LogBucket",
                        "BedrockLogGroup")) {
            assertThat(T.resource(id).path("Condition").asText()).as(id).isEqualTo("CreateLogging");
        }
    }

    @Test
    void shouldConfigureRetryRefuseAndRemoveLoggingAsCloudFormationExpects() throws Exception {
        assumeTrue(python3() != null, "python3 is not installed");
        Path index = tmp.resolve("index.py");
        Files.writeString(index, code());
        Path harness =
                CfnTemplate.infraDir().resolve("src/test/resources/logging-function/harness.py");
        Path out = tmp.resolve("out.txt");
        Process p =
                new ProcessBuilder(python3(), harness.toString(), index.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.startsWith("PASS ")).count())
                .as(output)
                .isEqualTo(7);
    }

    private static String code() {
        return T.resource("LoggingConfigFunction").at("/Properties/Code/ZipFile").asText();
    }

    private static String python3() {
        for (String dir :
                System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
