package com.bedrockusage.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code local-cluster/bin/submit}: runs the job jar on the local session cluster over REST. */
public final class Submit {

    static final String LAST_JOB = "last-job";
    static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(3);

    private Submit() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        SubmitOptions options;
        try {
            options = SubmitOptions.parse(defaultJar(), args);
        } catch (UsageException e) {
            err.println("submit: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println(SubmitOptions.USAGE);
            return 0;
        }
        return ToolRun.exitStatus(
                "submit",
                err,
                () -> {
                    ClusterState cluster = ClusterState.load();
                    String jobId = submit(cluster, options, out);
                    if (options.waitUntilRunning()) {
                        waitUntilRunning(
                                new FlinkRest(cluster.restUrl()), jobId, RUNNING_TIMEOUT, out);
                    }
                });
    }

    /** Uploads and runs the jar; returns the job id. */
    static String submit(ClusterState cluster, SubmitOptions options, PrintStream out)
            throws IOException, UsageException {
        if (!Files.isRegularFile(options.jar())) {
            throw new UsageException(
                    "job jar "
                            + options.jar()
                            + " not found; build it from the repository root: "
                            + "mvn -q -B -Dmaven.test.skip=true package");
        }
        FlinkRest rest = new FlinkRest(cluster.restUrl());
        FlinkRest.RunRequest run =
                new FlinkRest.RunRequest()
                        .entryClass(options.entryClass())
                        .args(
                                JobArguments.forCluster(
                                        cluster, options.kinesis(), options.s3(), options.sets()))
                        .parallelism(options.parallelism())
                        .config("execution.checkpointing.interval", options.checkpointInterval());
        if (options.fromSavepoint() != null) {
            String savepoint = resolveSavepoint(cluster, options.fromSavepoint());
            run.fromSavepoint(savepoint, options.allowNonRestoredState());
            out.println("submit: resuming from savepoint " + savepoint);
        }
        out.println("submit: uploading " + options.jar().getFileName() + " to " + rest.baseUrl());
        String jarId = rest.uploadJar(options.jar());
        String jobId;
        try {
            jobId = rest.runJar(jarId, run);
        } finally {
            // the job keeps its own copy in the blob store; the upload would only pile up
            rest.deleteJar(jarId);
        }
        Files.writeString(cluster.home().resolve(LAST_JOB), jobId + "\n", StandardCharsets.UTF_8);
        out.println("submit: job " + jobId);
        out.println("submit: web UI " + cluster.jobUrl(jobId));
        return jobId;
    }

    /**
     * Waits until every task of the job runs; a job that fails or restarts instead is reported with
     * its cause.
     */
    static void waitUntilRunning(FlinkRest rest, String jobId, Duration timeout, PrintStream out)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode job = rest.get("jobs/" + jobId);
            String state = job.path("state").asText();
            if (state.equals("FAILED") || state.equals("FAILING") || state.equals("RESTARTING")) {
                throw new FlinkRest.FlinkRestException(
                        "job "
                                + jobId
                                + " is "
                                + state
                                + ": "
                                + FlinkRest.causes(rest.rootException(jobId)));
            }
            if (state.equals("FINISHED") || state.equals("CANCELED")) {
                out.println("submit: job " + jobId + " is already " + state);
                return;
            }
            if (state.equals("RUNNING") && allTasksRunning(job)) {
                out.println("submit: job " + jobId + " is running");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new FlinkRest.FlinkRestException(
                        "job "
                                + jobId
                                + " is not running after "
                                + timeout.toSeconds()
                                + " s (state "
                                + state
                                + "); see the web UI and "
                                + "local-data/cluster/log/taskmanager.log");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private static boolean allTasksRunning(JsonNode job) {
        JsonNode vertices = job.path("vertices");
        if (vertices.isEmpty()) {
            return false;
        }
        for (JsonNode v : vertices) {
            String s = v.path("status").asText();
            if (!s.equals("RUNNING") && !s.equals("FINISHED")) {
                return false;
            }
        }
        return true;
    }

    static String resolveSavepoint(ClusterState cluster, String given)
            throws IOException, UsageException {
        if (!given.equals("last")) {
            // Flink prints savepoints as file:/dir (one slash): any scheme means "already a
            // location"
            return given.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
                    ? given
                    : Path.of(given).toAbsolutePath().normalize().toUri().toString();
        }
        Path last = cluster.home().resolve(Savepoint.LAST_SAVEPOINT);
        if (!Files.isRegularFile(last)) {
            throw new UsageException(
                    "no savepoint taken yet (local-cluster/bin/savepoint takes one)");
        }
        return Files.readString(last, StandardCharsets.UTF_8).strip();
    }

    static Path defaultJar() {
        String env = System.getenv("JOB_JAR");
        return Path.of(
                env != null && !env.isBlank() ? env : "job/target/job-0.1.0-SNAPSHOT-msf.jar");
    }
}
