package com.bedrockusage.job.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.KeyMeta;
import com.bedrockusage.job.alerts.RuleSet;
import com.bedrockusage.job.alerts.WindowAccumulator;
import com.bedrockusage.job.report.DailyReportRow;
import com.bedrockusage.job.usage.UsageAccumulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The class names our state's serializer snapshots hold. Flink writes them into every checkpoint
 * and savepoint (a POJO's class, its fields' declaring class, an enum's class, a custom
 * serializer's snapshot class) and looks them up again on restore: moving or renaming one of these
 * classes makes existing savepoints unrestorable, even with every operator uid unchanged. The list
 * is checked in, outside any Java file, so a package move cannot rewrite it.
 */
class StateClassNamesTest {

    private static final Pattern OUR_CLASS = Pattern.compile("com\\.bedrockusage\\.[\\w.$]+");

    @Test
    void shouldKeepTheClassNamesThatSavepointsHold() throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        List<TypeInformation<?>> stateTypes =
                List.of(
                        TypeInformation.of(RuleSet.class), // alert-rules-in-force (operator state)
                        TypeInformation.of(WindowAccumulator.class), // alert-windows
                        TypeInformation.of(KeyMeta.class), // alert-key-meta
                        TypeInformation.of(DeliveredAlert.class), // alerts-waiting (operator state)
                        TypeInformation.of(DailyReportRow.class), // daily-report-rows
                        TypeInformation.of(
                                UsageAccumulator.class), // usage windows, daily-window-totals
                        Utf8StringTypeInfo.INSTANCE); // request-id-first-seen keys, the usage key
        TreeSet<String> names = new TreeSet<>();
        for (TypeInformation<?> type : stateTypes) {
            DataOutputSerializer out = new DataOutputSerializer(1024);
            TypeSerializerSnapshot.writeVersionedSnapshot(
                    out, type.createSerializer(config).snapshotConfiguration());
            Matcher m =
                    OUR_CLASS.matcher(
                            new String(out.getCopyOfBuffer(), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                names.add(m.group());
            }
        }

        assertThat(String.join("\n", names))
                .as(
                        "Class names in state serializer snapshots changed. Moving or renaming such a class breaks "
                                + "savepoint restore; if that is really intended, update state/state-class-names.txt")
                .isEqualTo(golden());
    }

    private static String golden() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(
                        StateClassNamesTest.class.getResourceAsStream(
                                "/state/state-class-names.txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
