package com.bedrockusage.local.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;

/**
 * Flink discards the checkpoints of a job that finished but leaves its folder ({@code <job
 * id>/shared}, {@code <job id>/taskowned}) behind, so every bounded local run would add one. This
 * removes it once it holds no file. The discarding runs in the background after the job's result is
 * in, hence the wait.
 */
public final class FinishedJobCheckpoints {

    private FinishedJobCheckpoints() {}

    private static final long POLL_MILLIS = 100;

    /**
     * @param checkpointDir the job's checkpoint directory URI; only {@code file:} directories are
     *     touched
     * @param waitMillis how long to wait for Flink to discard the checkpoints; the folder stays if
     *     they remain
     */
    public static void removeWhenEmpty(String checkpointDir, JobID jobId, long waitMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (!removeIfEmpty(checkpointDir, jobId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * @return true when nothing of the job's is left (removed now, not there, or not a local
     *     directory)
     */
    static boolean removeIfEmpty(String checkpointDir, JobID jobId) {
        URI uri = URI.create(checkpointDir);
        if (!"file".equals(uri.getScheme())) {
            return true;
        }
        Path folder = Paths.get(uri).resolve(jobId.toHexString());
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> entries =
                    walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            if (entries.stream().anyMatch(p -> !Files.isDirectory(p))) {
                return false;
            }
            for (Path dir : entries) {
                Files.delete(dir);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot remove the finished job's checkpoint folder " + folder, e);
        }
    }
}
