package com.bedrockusage.job.qdeveloper;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.sink.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Q Developer tables' names, columns, keys and partitioning are a contract with Athena, the
 * reports and existing warehouses: they must match the checked-in description exactly.
 */
class QDeveloperTablesTest {

    @Test
    void shouldDefineTheTablesAsCheckedIn() throws Exception {
        List<String> golden =
                Files.readAllLines(
                        Paths.get("src/test/resources/qdeveloper/tables.txt"),
                        StandardCharsets.UTF_8);
        List<String> actual =
                QDeveloperTables.all().stream()
                        .map(QDeveloperTablesTest::describe)
                        .collect(Collectors.toList());
        assertThat(actual).containsExactlyElementsOf(golden);
    }

    private static String describe(TableDefinition d) {
        return d.name()
                + " | "
                + d.schema().toString().replace("\n", " ")
                + " | ids "
                + d.schema().identifierFieldIds()
                + " | "
                + d.partitionSpec().toString().replace("\n", " ")
                + " | "
                + d.upsertKey();
    }
}
