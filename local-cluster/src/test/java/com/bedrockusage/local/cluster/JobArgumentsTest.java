package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobArgumentsTest {

    @TempDir Path home;

    @Test
    void shouldPointTheJobAtTheEmulatorsAndTheClusterWarehouse() throws IOException {
        List<String> args =
                JobArguments.forCluster(ClusterStates.withEmulators(home), true, true, List.of());

        assertThat(args)
                .containsSubsequence("--set", "source.s3.path=s3://logs-bucket/")
                .contains(
                        "source.kinesis.stream-arn=arn:aws:kinesis:us-east-1:000000000000:stream/s",
                        "source.kinesis.endpoint=http://127.0.0.1:4567",
                        "source.kinesis.initial-position=TRIM_HORIZON",
                        "iceberg.warehouse=file:///tmp/wh",
                        "alerts.jsonl-path=" + home.resolve("alerts.jsonl"))
                .doesNotContain("--local");
    }

    @Test
    void shouldPutUserSettingsLastSoTheyWin() throws IOException {
        List<String> args =
                JobArguments.forCluster(
                        ClusterStates.withEmulators(home),
                        true,
                        true,
                        List.of("iceberg.warehouse=file:///elsewhere"));

        assertThat(args.get(args.size() - 1)).isEqualTo("iceberg.warehouse=file:///elsewhere");
        assertThat(args.indexOf("iceberg.warehouse=file:///tmp/wh"))
                .isLessThan(args.indexOf("iceberg.warehouse=file:///elsewhere"));
    }

    @Test
    void shouldLeaveOutASourceThatIsSwitchedOff() throws IOException {
        List<String> args =
                JobArguments.forCluster(ClusterStates.withEmulators(home), false, true, List.of());

        assertThat(args).noneMatch(a -> a.startsWith("source.kinesis."));
        assertThat(args).anyMatch(a -> a.startsWith("source.s3.path="));
    }

    @Test
    void shouldReadTheStateFileClusterStartWrote() throws IOException {
        ClusterState state = ClusterStates.withEmulators(home);

        assertThat(state.restUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(state.jobUrl("abc"))
                .isEqualTo("http://127.0.0.1:8081/#/job/running/abc/overview");
        assertThat(state.hasEmulators()).isTrue();
        assertThat(Files.exists(home.resolve("cluster.env"))).isTrue();
    }
}
