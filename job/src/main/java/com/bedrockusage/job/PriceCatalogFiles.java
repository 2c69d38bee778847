package com.bedrockusage.job;

import com.bedrockusage.job.config.ConfigException;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.pricing.PriceCsv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Loads a user price catalogue from any file system Flink can read (local disk, or s3:// on MSF).
 */
final class PriceCatalogFiles {

    private PriceCatalogFiles() {}

    static PriceCatalog load(String location) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem();
            try (Reader in = new InputStreamReader(fs.open(path), StandardCharsets.UTF_8)) {
                return PriceCatalog.of(PriceCsv.read(in, location));
            }
        } catch (IOException e) {
            throw new ConfigException(
                    "cannot read the price catalogue " + location + ": " + e.getMessage(), e);
        }
    }
}
