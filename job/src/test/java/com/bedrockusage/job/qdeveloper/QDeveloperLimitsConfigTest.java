package com.bedrockusage.job.qdeveloper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.config.ConfigException;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PropertyGroups;
import org.junit.jupiter.api.Test;

class QDeveloperLimitsConfigTest {

    static JobConfig config(String... sets) {
        PropertyGroups p = PropertyGroups.empty().set("source.s3.path", "file:///tmp/logs");
        for (String s : sets) {
            p.set(s);
        }
        return JobConfig.from(p);
    }

    @Test
    void shouldShipTheDocumentedLimitsAndTakeOverridesPerKind() {
        QDeveloperLimits defaults = QDeveloperLimits.from(config());
        assertThat(defaults.devUsesPerMonth).isEqualTo(30);
        assertThat(defaults.transformationLinesPerMonth).isEqualTo(4000);
        assertThat(defaults.contextWindowTokens).isEqualTo(200_000);
        assertThat(defaults.alerts).isTrue();

        QDeveloperLimits changed =
                QDeveloperLimits.from(
                        config("qdeveloper.limits=dev=50", "alerts.defaults-enabled=false"));
        assertThat(changed.devUsesPerMonth).isEqualTo(50);
        assertThat(changed.transformationLinesPerMonth).isEqualTo(4000);
        assertThat(changed.alerts).isFalse();
    }

    @Test
    void shouldRefuseUnknownKindsAndValuesThatAreNotPositive() {
        for (String bad :
                new String[] {
                    "qdeveloper.limits=chat=5",
                    "qdeveloper.limits=dev=0",
                    "qdeveloper.limits=dev=x",
                    "qdeveloper.limits=dev"
                }) {
            assertThatThrownBy(() -> config(bad))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("qdeveloper.limits");
        }
    }
}
