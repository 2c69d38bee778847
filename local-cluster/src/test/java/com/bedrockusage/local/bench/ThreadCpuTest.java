package com.bedrockusage.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void shouldAddUserAndSystemTicksEvenWhenTheThreadNameHoldsSpacesAndParentheses() {
        String stat =
                "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 4194368 1 0 0 0 1234 56 0 0 20 0 40 0 100 "
                        + "0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0";
        String odd =
                "7 (Source: a (1/2)) R 1 4200 4200 0 -1 4194368 1 0 0 0 10 5 0 0 20 0 40 0 100 0 0";

        assertThat(ThreadCpu.cpuTicks(stat)).isEqualTo(1290);
        assertThat(ThreadCpu.cpuTicks(odd)).isEqualTo(15);
    }

    @Test
    void shouldCountCompilerAndCollectorThreadsOnly() {
        assertThat(List.of("C2 CompilerThre", "C1 CompilerThre", "GC Thread#1", "VM Thread"))
                .allMatch(ThreadCpu::isJitOrGc);
        assertThat(List.of("Source Data Fet", "Flink-Metric-Vi", "main"))
                .noneMatch(ThreadCpu::isJitOrGc);
        assertThat(ThreadCpu.jitAndGcNanos()).isGreaterThanOrEqualTo(-1);
    }
}
