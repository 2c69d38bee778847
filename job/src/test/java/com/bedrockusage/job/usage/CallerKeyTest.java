package com.bedrockusage.job.usage;

import static com.bedrockusage.job.testing.Invocations.priced;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

class CallerKeyTest {

    private static final String ROLE =
            "arn:aws:sts::111122223333:assumed-role/Checkout-BedrockRole";

    @Test
    void shouldDropOnlyTheSessionNameOfAnAssumedRoleForThePrincipal() {
        assertThat(CallerKey.PRINCIPAL.of(ROLE + "/req-7f3a")).isEqualTo(ROLE);
        assertThat(CallerKey.PRINCIPAL.of(ROLE)).isEqualTo(ROLE);
        assertThat(CallerKey.PRINCIPAL.of("arn:aws:iam::111122223333:user/ops/alice"))
                .isEqualTo("arn:aws:iam::111122223333:user/ops/alice");
        assertThat(CallerKey.PRINCIPAL.of("arn:aws:iam::111122223333:role/service/app"))
                .isEqualTo("arn:aws:iam::111122223333:role/service/app");
        assertThat(CallerKey.PRINCIPAL.of("not an arn")).isEqualTo("not an arn");
        assertThat(CallerKey.PRINCIPAL.of(null)).isNull();
        assertThat(CallerKey.ARN.of(ROLE + "/req-7f3a")).isEqualTo(ROLE + "/req-7f3a");
    }

    @Test
    void shouldReadTheConfigSpelling() {
        assertThat(CallerKey.fromConfig(" principal ")).isEqualTo(CallerKey.PRINCIPAL);
        assertThat(CallerKey.fromConfig("arn")).isEqualTo(CallerKey.ARN);
        assertThat(CallerKey.PRINCIPAL.configValue()).isEqualTo("principal");
    }

    @Test
    void shouldKeepOneWindowKeyPerRoleWhateverTheSessionNamesUnderPrincipal() throws Exception {
        List<UsageRow> principalRows = minuteRows(CallerKey.PRINCIPAL, 500);
        assertThat(principalRows).hasSize(1);
        assertThat(principalRows.get(0).callerArn).isEqualTo(ROLE);
        assertThat(principalRows.get(0).invocations).isEqualTo(500);

        List<UsageRow> arnRows = minuteRows(CallerKey.ARN, 500);
        assertThat(arnRows).hasSize(500);
        assertThat(arnRows).allSatisfy(r -> assertThat(r.callerArn).startsWith(ROLE + "/session-"));
    }

    @Test
    void shouldKeyALateCallLikeTheRowItCorrects() {
        Invocation late =
                priced("late", Instant.parse("2025-06-01T10:00:00Z").toEpochMilli(), "0.1", null);
        late.callerArn = ROLE + "/session-42";
        long day = Duration.ofDays(1).toMillis();
        UsageRow row = new UsageRow();
        row.windowStart = DailyInput.windowStart(late.eventTime, day);
        row.accountId = late.accountId;
        row.region = late.region;
        row.callerArn = ROLE;
        row.modelId = late.modelId;
        assertThat(DailyInput.ofLate(late, day, CallerKey.PRINCIPAL).key)
                .isEqualTo(DailyInput.ofRow(row).key);
    }

    /**
     * The minute window operator as the pipeline builds it, fed one call per random session name.
     */
    private static List<UsageRow> minuteRows(CallerKey callerKey, int calls) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Invocation, UsageRow> harness =
                UsageWindowsTest.windowHarness(
                        Duration.ofMinutes(1),
                        Duration.ZERO,
                        new OutputTag<>("late", TypeInformation.of(Invocation.class)),
                        false,
                        callerKey)) {
            harness.open();
            long t = Instant.parse("2025-06-01T10:00:00Z").toEpochMilli();
            for (int i = 0; i < calls; i++) {
                Invocation inv = priced("r" + i, t + i, "0.001", null);
                inv.callerArn = ROLE + "/session-" + java.util.UUID.randomUUID();
                harness.processElement(new StreamRecord<>(inv, inv.eventTime));
            }
            harness.processWatermark(t + Duration.ofMinutes(2).toMillis());
            return harness.extractOutputValues();
        }
    }
}
