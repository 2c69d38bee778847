package com.bedrockusage.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SubmitOptionsTest {

    private static final Path JAR = Path.of("job.jar");

    @Test
    void shouldDefaultToTheJobOnTwoSlotsWithTenSecondCheckpoints() throws Exception {
        SubmitOptions o = SubmitOptions.parse(JAR);

        assertThat(o.jar()).isEqualTo(JAR);
        assertThat(o.entryClass()).isEqualTo("com.bedrockusage.job.UsageStreamJob");
        assertThat(o.parallelism()).isEqualTo(2);
        assertThat(o.checkpointInterval()).isEqualTo("10s");
        assertThat(o.kinesis()).isTrue();
        assertThat(o.s3()).isTrue();
        assertThat(o.fromSavepoint()).isNull();
        assertThat(o.waitUntilRunning()).isTrue();
    }

    @Test
    void shouldCollectSettingsInOrderInBothSpellings() throws Exception {
        SubmitOptions o =
                SubmitOptions.parse(
                        JAR,
                        "--set",
                        "pipeline.idleness=5s",
                        "--set=iceberg.namespace=x",
                        "--from-savepoint",
                        "last",
                        "--no-kinesis",
                        "--no-wait",
                        "--parallelism",
                        "1");

        assertThat(o.sets()).containsExactly("pipeline.idleness=5s", "iceberg.namespace=x");
        assertThat(o.fromSavepoint()).isEqualTo("last");
        assertThat(o.kinesis()).isFalse();
        assertThat(o.waitUntilRunning()).isFalse();
        assertThat(o.parallelism()).isEqualTo(1);
    }

    @Test
    void shouldRejectASettingWithoutGroupOrValue() {
        assertThatThrownBy(() -> SubmitOptions.parse(JAR, "--set", "idleness=5s"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("group.key=value");
        assertThatThrownBy(() -> SubmitOptions.parse(JAR, "--set", "pipeline.idleness"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void shouldRejectUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> SubmitOptions.parse(JAR, "--bogus"))
                .hasMessageContaining("unknown option '--bogus'");
        assertThatThrownBy(() -> SubmitOptions.parse(JAR, "--from-savepoint"))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SubmitOptions.parse(JAR, "--parallelism", "0"))
                .hasMessageContaining("positive");
    }
}
