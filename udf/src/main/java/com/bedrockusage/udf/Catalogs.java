package com.bedrockusage.udf;

import com.bedrockusage.pricing.PriceCatalog;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Price catalogues loaded once per JVM and file, shared by every parallel instance of every function. */
final class Catalogs {

    private static final ConcurrentMap<Path, PriceCatalog> LOADED = new ConcurrentHashMap<>();

    private Catalogs() {}

    /** The CSV catalogue at {@code location} (a path or a {@code file:} URI), or the default one when null. */
    static PriceCatalog get(String location) {
        if (location == null) {
            return PriceCatalog.defaultCatalog();
        }
        Path path = toPath(location).toAbsolutePath().normalize();
        return LOADED.computeIfAbsent(path, PriceCatalog::load);
    }

    private static Path toPath(String location) {
        return location.startsWith("file:") ? Paths.get(URI.create(location)) : Paths.get(location);
    }
}
