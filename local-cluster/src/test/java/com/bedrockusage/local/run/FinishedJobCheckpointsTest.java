package com.bedrockusage.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinishedJobCheckpointsTest {

    @TempDir Path dir;

    @Test
    void shouldRemoveTheFoldersAFinishedJobLeavesButKeepAnyFile() throws Exception {
        JobID finished = new JobID();
        JobID withCheckpoint = new JobID();
        Files.createDirectories(dir.resolve(finished.toHexString()).resolve("shared"));
        Files.createDirectories(dir.resolve(finished.toHexString()).resolve("taskowned"));
        Path chk =
                Files.createDirectories(dir.resolve(withCheckpoint.toHexString()).resolve("chk-3"));
        Files.write(chk.resolve("_metadata"), new byte[] {1});

        FinishedJobCheckpoints.removeWhenEmpty(dir.toUri().toString(), finished, 0);
        long started = System.nanoTime();
        FinishedJobCheckpoints.removeWhenEmpty(dir.toUri().toString(), withCheckpoint, 300);
        assertThat(System.nanoTime() - started)
                .as("waited for the checkpoint to go")
                .isGreaterThan(250_000_000L);
        FinishedJobCheckpoints.removeWhenEmpty(
                dir.toUri().toString(), new JobID(), 10_000); // no folder
        FinishedJobCheckpoints.removeWhenEmpty(
                "s3://bucket/checkpoints", finished, 10_000); // not local: left alone

        assertThat(dir.resolve(finished.toHexString())).doesNotExist();
        assertThat(chk.resolve("_metadata")).exists();
        assertThat(dir).exists();
    }
}
