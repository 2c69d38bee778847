package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.config.JobConfig;
import com.bedrockusage.job.config.PrivateDirs;
import com.bedrockusage.job.config.PropertyGroups;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local job without a warehouse or checkpoint folder gets per-user defaults that only their user
 * can read.
 */
class DefaultFoldersTest {

    @TempDir Path tmp;
    private String tmpdir;

    @BeforeEach
    void useTempAsTheSystemTempDirectory() {
        tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", tmpdir);
    }

    @Test
    void shouldCreateTheDefaultWarehouseAndCheckpointFoldersPerUserWithMode0700() throws Exception {
        JobConfig config =
                JobConfig.from(PropertyGroups.empty().set("source.s3.path", "file:///logs"));

        UsageStreamJob.privateDefaultFolders(config);

        Path warehouse = Paths.get(URI.create(config.icebergWarehouse));
        Path checkpoints = Paths.get(URI.create(config.checkpointDir));
        assertThat(warehouse.getParent()).isEqualTo(tmp);
        assertThat(warehouse.getFileName().toString())
                .endsWith("-" + System.getProperty("user.name"));
        assertThat(Files.getPosixFilePermissions(warehouse)).isEqualTo(PrivateDirs.OWNER_ONLY);
        assertThat(Files.getPosixFilePermissions(checkpoints)).isEqualTo(PrivateDirs.OWNER_ONLY);
    }
}
