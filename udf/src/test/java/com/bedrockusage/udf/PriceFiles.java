package com.bedrockusage.udf;

import com.bedrockusage.pricing.PriceCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Price CSV files for tests: the header the job reads, then the given rows. */
final class PriceFiles {

    private PriceFiles() {}

    static Path write(Path file, String... rows) throws IOException {
        StringBuilder text = new StringBuilder(PriceCsv.HEADER).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        return Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, Instant modified, String... rows) throws IOException {
        write(file, rows);
        return Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
