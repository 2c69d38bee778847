package com.bedrockusage.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlOptionsTest {

    @Test
    void shouldRefuseABadAppPatternAtStartupNamingTheOption() {
        assertThatThrownBy(
                        () ->
                                SqlOptions.parse(
                                        new String[] {
                                            "--app-pattern", "^(.+-BedrockRole$", "-e", "SELECT 1"
                                        }))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith(
                        "--app-pattern '^(.+-BedrockRole$' is not a valid regular expression: ");
    }

    @Test
    void shouldTakeTheJobsConfigurationLikeRunLocal() {
        SqlOptions o =
                SqlOptions.parse(
                        new String[] {
                            "--config",
                            "job.json",
                            "--pricing",
                            "p.csv",
                            "--set",
                            "pricing.aliases=a=b",
                            "-e",
                            "SELECT 1"
                        });

        assertThat(o.config()).isEqualTo("job.json");
        assertThat(o.pricingCatalog()).isEqualTo("p.csv");
        assertThat(o.sets()).containsExactly("pricing.aliases=a=b");
        assertThat(o.hasJobSettings()).isTrue();
        assertThat(SqlOptions.parse(new String[] {"-e", "SELECT 1"}).hasJobSettings()).isFalse();
    }
}
