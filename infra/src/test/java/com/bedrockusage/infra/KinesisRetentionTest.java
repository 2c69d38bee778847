package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bedrockusage.job.config.ConfigException;
import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PropertyGroups;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The stream's retention is a parameter (AWS allows 24 to 8760 hours), the stream and the job get
 * the same value, and the alarm on a shard resumed at its trim horizon exists whenever the Kinesis
 * source runs.
 */
class KinesisRetentionTest {

    private static final CfnTemplate T = CfnTemplate.load();

    @Test
    void shouldOfferTheRetentionAsAParameterWithinTheLimitsOfKinesis() {
        JsonNode p = T.parameters().path("KinesisRetentionHours");
        assertThat(p.path("Type").asText()).isEqualTo("Number");
        assertThat(p.path("Default").asInt()).isEqualTo(24);
        assertThat(p.path("MinValue").asInt()).isEqualTo(24);
        assertThat(p.path("MaxValue").asInt()).isEqualTo(8760);
    }

    @Test
    void shouldGiveTheStreamAndTheJobTheSameRetention() {
        assertThat(
                        CfnTemplate.alternatives(
                                T.resource("LogStream").at("/Properties/RetentionPeriodHours")))
                .containsExactly("${KinesisRetentionHours}");
        JsonNode retention = T.applicationProperties("source.kinesis").path("retention");
        assertThat(CfnTemplate.alternatives(retention))
                .containsExactly("${KinesisRetentionHours}h");
    }

    @Test
    void shouldAcceptEveryRetentionTheParameterAllowsAndNothingElse() {
        assertThat(job("24h").kinesisRetention).isEqualTo(Duration.ofHours(24));
        assertThat(job("8760h").kinesisRetention).isEqualTo(Duration.ofHours(8760));
        assertThatThrownBy(() -> job("23h"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("source.kinesis.retention");
        assertThatThrownBy(() -> job("8761h")).isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldAlarmOnAShardResumedAtItsTrimHorizonWhenTheKinesisSourceRuns() {
        JsonNode alarm = T.resource("KinesisTrimmedAlarm");
        assertThat(alarm.path("Condition").asText()).isEqualTo("UseKinesisSource");
        assertThat(alarm.at("/Properties/Metrics/0/MetricStat/Metric/MetricName").asText())
                .isEqualTo("rejectedRecords_kinesis_trimmed");
        assertThat(alarm.at("/Properties/Threshold").asInt()).isZero();
    }

    private static JobConfig job(String retention) {
        return JobConfig.from(
                PropertyGroups.empty()
                        .set(
                                "source.kinesis.stream-arn",
                                "arn:aws:kinesis:us-east-1:111122223333:stream/bedrock-logs")
                        .set("source.kinesis.retention", retention));
    }
}
