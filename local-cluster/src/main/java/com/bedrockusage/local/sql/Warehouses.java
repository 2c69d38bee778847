package com.bedrockusage.local.sql;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Checks a local warehouse directory before anything starts, so a typo is one clear line, not a
 * stack trace.
 */
public final class Warehouses {

    public static final String DEFAULT_WAREHOUSE = "./local-data/warehouse";
    public static final String DEFAULT_NAMESPACE = "bedrock";

    private Warehouses() {}

    /**
     * The warehouse directory (a path or {@code file:} URI); it and the namespace directory must
     * exist.
     */
    public static Path resolve(String warehouse, String namespace) {
        Path dir;
        try {
            dir =
                    warehouse.startsWith("file:")
                            ? Paths.get(URI.create(warehouse))
                            : Paths.get(warehouse);
        } catch (RuntimeException e) {
            throw new CliException("not a local warehouse path: " + warehouse);
        }
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new CliException(
                    "warehouse not found: "
                            + dir
                            + " (start the job first, or pass --warehouse DIR)");
        }
        if (!Files.isDirectory(dir.resolve(namespace))) {
            throw new CliException(
                    "no namespace '"
                            + namespace
                            + "' in warehouse "
                            + dir
                            + " (has the job written to it yet?)");
        }
        return dir;
    }

    /** {@code file:///...} of a resolved directory, as Iceberg catalogs want it. */
    public static String uri(Path dir) {
        return dir.toUri().toString();
    }
}
