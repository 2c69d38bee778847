package com.bedrockusage.job.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Folders that hold usage data (warehouse, checkpoints, alerts): created readable by their user
 * only (0700), and refused when someone else already owns them.
 */
public final class PrivateDirs {

    public static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");

    private PrivateDirs() {}

    /**
     * Creates {@code dir} (and missing parents) with mode 0700, or tightens it to 0700 if it
     * exists.
     */
    public static Path create(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.getFileStore(existingAncestor(abs)).supportsFileAttributeView("posix")) {
            return Files.createDirectories(abs);
        }
        if (Files.notExists(abs)) {
            Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        UserPrincipal owner = Files.getOwner(abs);
        UserPrincipal me =
                abs.getFileSystem()
                        .getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(me)) {
            throw new ConfigException(
                    abs
                            + " belongs to "
                            + owner.getName()
                            + ", not to "
                            + me.getName()
                            + "; choose a folder of your own");
        }
        Files.setPosixFilePermissions(abs, OWNER_ONLY);
        return abs;
    }

    private static Path existingAncestor(Path p) {
        Path a = p;
        while (a != null && Files.notExists(a)) {
            a = a.getParent();
        }
        return a == null ? p.getRoot() : a;
    }
}
