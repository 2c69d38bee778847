package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared shell helpers of local-cluster/bin/lib.sh: one die, a guarded rm -rf, the build's own
 * names.
 */
class ScriptLibTest {

    private static final Path LIB = Path.of("bin/lib.sh").toAbsolutePath();
    private static final Path REPO = LIB.getParent().getParent().getParent();

    @TempDir Path dir;

    @Test
    void shouldRefuseToDeleteTheRootTheHomeFolderTheRepositoryOrARelativePath() throws Exception {
        for (String path :
                new String[] {
                    "/",
                    System.getProperty("user.home"),
                    REPO.toString(),
                    REPO.resolve("local-cluster/..").toString(),
                    "",
                    "local-data/e2e"
                }) {
            Result r = bash("bu_rm_rf \"$1\"", path);
            assertThat(r.exit).as(path).isEqualTo(2);
            assertThat(r.err).as(path).contains("refusing to delete");
        }
        assertThat(REPO.resolve("pom.xml")).exists();
    }

    @Test
    void shouldDeleteAFolderOfItsOwn() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("cluster/log"));
        Files.writeString(victim.resolve("jobmanager.log"), "x");

        Result r = bash("bu_rm_rf \"$1\"", dir.resolve("cluster").toString());

        assertThat(r.exit).as(r.err).isZero();
        assertThat(dir.resolve("cluster")).doesNotExist();
        assertThat(dir).exists();
    }

    @Test
    void shouldDieWithTheSameStatusAsTheInfraScripts() throws Exception {
        Result r = bash("die \"something is wrong\"", "");

        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).isEqualTo("bash: something is wrong\n");
    }

    @Test
    void shouldTakeTheFlinkVersionAndTheJobJarNameFromTheBuild() throws Exception {
        Result r = bash("printf '%s\\n%s\\n' \"$BU_FLINK_VERSION\" \"$BU_JOB_JAR\"", "");

        assertThat(r.exit).as(r.err).isZero();
        String[] lines = r.out.split("\n");
        assertThat(lines[0]).isEqualTo(EnvironmentInformation.getVersion());
        assertThat(lines[1])
                .matches(REPO.resolve("job/target").toString() + "/job-[^/]+-msf\\.jar")
                .doesNotContain("${");
    }

    private static Result bash(String script, String arg) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder("bash", "-c", ". \"" + LIB + "\"\n" + script, "bash", arg)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bash finished").isTrue();
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {}
}
