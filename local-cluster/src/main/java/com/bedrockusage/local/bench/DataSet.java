package com.bedrockusage.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code generate-logs} says it wrote into a directory (its {@code expected-totals.json}). */
record DataSet(
        Path dir,
        long invocations,
        long uniqueRecords,
        long lines,
        long files,
        long bytesUncompressed,
        long bytesCompressed) {

    static final String TOTALS_FILE = "expected-totals.json";

    static DataSet read(Path dir) throws IOException {
        Path totals = dir.resolve(TOTALS_FILE);
        if (!Files.isRegularFile(totals)) {
            throw new IOException(
                    totals
                            + " not found: generate the data set with local-cluster/bin/generate-logs");
        }
        JsonNode root = new ObjectMapper().readTree(totals.toFile());
        JsonNode counts = root.path("counts");
        return new DataSet(
                dir,
                root.path("generator").path("invocations").asLong(),
                counts.path("uniqueRecords").asLong(),
                counts.path("linesWritten").asLong(),
                counts.path("files").asLong(),
                counts.path("bytesUncompressed").asLong(),
                counts.path("bytesCompressed").asLong());
    }
}
