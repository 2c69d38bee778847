package com.bedrockusage.udf;

import com.bedrockusage.pricing.PriceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Price catalogues loaded once per JVM and file version, shared by every parallel instance of every
 * function. A file is looked at again each time a function opens (each query): when its size or
 * modification time changed, it is read again, so a long-lived SQL session picks up an edited price
 * file.
 */
final class Catalogs {

    private static final ConcurrentMap<Path, Loaded> LOADED = new ConcurrentHashMap<>();
    private static final ConcurrentMap<PricingSetup, Loaded> SETUPS = new ConcurrentHashMap<>();

    private Catalogs() {}

    /**
     * The CSV catalogue at {@code location} (a path or a {@code file:} URI), or the default one
     * when null.
     */
    static PriceCatalog get(String location) {
        if (location == null) {
            return PriceCatalog.defaultCatalog();
        }
        Path path = toPath(location).toAbsolutePath().normalize();
        String stamp = stamp(path);
        return LOADED.compute(
                        path,
                        (p, loaded) ->
                                loaded != null && loaded.stamp.equals(stamp)
                                        ? loaded
                                        : new Loaded(stamp, PriceCatalog.load(p)))
                .catalog;
    }

    /**
     * The catalogue the job builds from this setup: the CSV (or the built-in one), the update files
     * laid over it, then the aliases. Rebuilt when any of the files changed.
     */
    static PriceCatalog get(PricingSetup setup) {
        if (setup.updatesDir() == null && setup.aliases().isEmpty()) {
            return get(setup.catalog());
        }
        PriceCatalog base = get(setup.catalog());
        List<Path> updates =
                setup.updatesDir() == null
                        ? List.of()
                        : PriceUpdateDir.files(
                                toPath(setup.updatesDir()).toAbsolutePath().normalize());
        StringBuilder stamp = new StringBuilder().append(System.identityHashCode(base));
        for (Path file : updates) {
            stamp.append('|').append(file).append(':').append(stamp(file));
        }
        String key = stamp.toString();
        return SETUPS.compute(
                        setup,
                        (s, loaded) ->
                                loaded != null && loaded.stamp.equals(key)
                                        ? loaded
                                        : new Loaded(
                                                key,
                                                withAliases(
                                                        PriceUpdateDir.apply(base, updates),
                                                        s.aliases())))
                .catalog;
    }

    private static PriceCatalog withAliases(PriceCatalog catalog, Map<String, String> aliases) {
        return aliases.isEmpty() ? catalog : catalog.withAliases(aliases);
    }

    /** Size and modification time: what changes when the file is edited or replaced. */
    static String stamp(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis() + "#" + a.fileKey();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the price catalogue " + path + ": " + e.getMessage(), e);
        }
    }

    static Path toPath(String location) {
        return location.startsWith("file:") ? Paths.get(URI.create(location)) : Paths.get(location);
    }

    private static final class Loaded {
        final String stamp;
        final PriceCatalog catalog;

        Loaded(String stamp, PriceCatalog catalog) {
            this.stamp = stamp;
            this.catalog = catalog;
        }
    }
}
