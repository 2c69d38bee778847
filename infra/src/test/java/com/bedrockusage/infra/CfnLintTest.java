package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS's own linter checks property names and types against the resource schemas, where installed.
 */
class CfnLintTest {

    @TempDir Path tmp;

    @Test
    void shouldPassCfnLint() throws Exception {
        lint("template.yaml");
    }

    @Test
    void shouldPassCfnLintOnTheSpokeTemplate() throws Exception {
        lint("spoke.yaml");
    }

    private void lint(String template) throws Exception {
        String cfnLint = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (cfnLint == null && Files.isExecutable(Path.of(dir, "cfn-lint"))) {
                cfnLint = Path.of(dir, "cfn-lint").toString();
            }
        }
        assumeTrue(cfnLint != null, "cfn-lint is not installed (pip install cfn-lint)");
        Path out = tmp.resolve(template + ".cfn-lint.txt");
        Process p =
                new ProcessBuilder(cfnLint, CfnTemplate.infraDir().resolve(template).toString())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(out, StandardCharsets.UTF_8)).isZero();
    }
}
