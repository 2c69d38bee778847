package com.bedrockusage.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JfrPartsTest {

    private static final List<String> PARSE =
            List.of("com.bedrockusage.job.ingest.parse.BedrockRecordParser.parse");
    private static final List<String> WINDOWS = List.of("com.bedrockusage.job.usage.X.add");
    private static final List<String> INFLATE =
            List.of(
                    "com.intel.gkl.compression.IntelInflater.inflateNative",
                    "com.bedrockusage.job.ingest.source.IsalGunzip.gunzip");
    private static final List<String> WAITING =
            List.of("sun.nio.ch.EPoll.wait", "sun.nio.ch.EPollSelectorImpl.doSelect");

    @Test
    void shouldShareJavaSamplesByPart() {
        JfrParts parts = new JfrParts();
        for (int i = 0; i < 3; i++) {
            parts.addExecutionSample(PARSE);
        }
        parts.addExecutionSample(WINDOWS);

        Map<CpuPart, Double> shares = parts.shares();
        assertThat(shares.get(CpuPart.PARSE)).isCloseTo(0.75, within(1e-9));
        assertThat(shares.get(CpuPart.WINDOWS)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void shouldWeighABusyNativeSampleByTheThreadsSeenInNativeCodeInItsSecond() {
        JfrParts parts = new JfrParts();
        for (int i = 0; i < 4; i++) {
            parts.addExecutionSample(PARSE);
        }
        // second 100: three threads in native code, one of them inflating
        parts.addNativeSample(100, "fetcher", INFLATE);
        parts.addNativeSample(100, "netty", WAITING);
        parts.addNativeSample(100, "pekko", WAITING);

        Map<CpuPart, Double> shares = parts.shares();
        assertThat(shares.get(CpuPart.READ_INFLATE)).isCloseTo(3.0 / 7, within(1e-9));
        assertThat(shares.get(CpuPart.PARSE)).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(shares).doesNotContainKey(CpuPart.OTHER);
    }

    @Test
    void shouldIgnoreThreadsWaitingInNativeCode() {
        assertThat(JfrParts.busyNative(WAITING)).isNull();
        assertThat(JfrParts.busyNative(List.of())).isNull();
        assertThat(JfrParts.busyNative(INFLATE)).isEqualTo(CpuPart.READ_INFLATE);
        assertThat(new JfrParts().shares()).isEmpty();
    }
}
