package com.bedrockusage.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.PrivateDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLocalPrivateDirsTest {

    @TempDir Path tmp;

    @Test
    void shouldCreateNewFoldersForTheirUserOnly() throws Exception {
        Path dir = PrivateDirs.create(tmp.resolve("local-data/warehouse"));
        assertThat(Files.isDirectory(dir)).isTrue();
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.getParent())).isEqualTo("rwx------");
    }

    @Test
    void shouldTightenAFolderThatExistsAlready() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("checkpoints"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateDirs.create(dir);
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void shouldCreateTheDefaultFoldersOfTheEmbeddedRunPrivate() throws Exception {
        // the defaults RunLocal passes on when no folder is given
        for (String dflt :
                new String[] {RunLocal.DEFAULT_WAREHOUSE, RunLocal.DEFAULT_CHECKPOINTS}) {
            assertThat(dflt).startsWith("local-data/");
        }
        String source =
                Files.readString(Path.of("src/main/java/com/bedrockusage/local/run/RunLocal.java"));
        assertThat(source)
                .contains(
                        "PrivateDirs.create(Paths.get(DEFAULT_WAREHOUSE))",
                        "PrivateDirs.create(Paths.get(DEFAULT_CHECKPOINTS))");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
