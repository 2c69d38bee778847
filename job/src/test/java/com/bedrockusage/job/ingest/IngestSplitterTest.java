package com.bedrockusage.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.IngestRecord;
import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.model.RejectedRecord;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class IngestSplitterTest {

    @Test
    void shouldEmitInvocationsAndRouteRejectsToTheSideOutput() throws Exception {
        try (OneInputStreamOperatorTestHarness<IngestRecord, Invocation> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new IngestSplitter()))) {
            harness.open();
            Invocation inv = new Invocation();
            inv.requestId = "r-1";
            harness.processElement(IngestRecord.of(inv), 1L);
            harness.processElement(
                    IngestRecord.rejected(new RejectedRecord("malformed-json", "f:2", 5L, "{")),
                    2L);
            harness.processElement(
                    IngestRecord.rejected(new RejectedRecord("foreign-json", "f:3", 5L, "{}")), 3L);

            assertThat(harness.extractOutputValues())
                    .extracting(i -> i.requestId)
                    .containsExactly("r-1");
            List<String> reasons =
                    harness.getSideOutput(IngestSplitter.REJECTED).stream()
                            .map(StreamRecord::getValue)
                            .map(r -> r.reason)
                            .collect(Collectors.toList());
            assertThat(reasons).containsExactly("malformed-json", "foreign-json");
        }
    }

    @Test
    void shouldSerializeIngestTypesAsPojosWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(IngestRecord.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RejectedRecord.class);
    }
}
