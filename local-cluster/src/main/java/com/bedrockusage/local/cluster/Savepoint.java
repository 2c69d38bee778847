package com.bedrockusage.local.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code local-cluster/bin/savepoint [JOB_ID]}: stops a job with a savepoint and prints the
 * savepoint's path (also kept in {@code cluster.home/last-savepoint} for {@code submit
 * --from-savepoint last}).
 */
public final class Savepoint {

    static final String LAST_SAVEPOINT = "last-savepoint";
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Savepoint() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String given = null;
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println(
                        "Usage: savepoint [JOB_ID]\n\nStops the job (default: the only running one) with a "
                                + "savepoint and prints its path. Resume with: submit --from-savepoint PATH (or 'last').");
                return 0;
            }
            if (a.startsWith("-") || given != null) {
                err.println(
                        "savepoint: unexpected argument '" + a + "' (usage: savepoint [JOB_ID])");
                return 2;
            }
            given = a;
        }
        String named = given;
        return ToolRun.exitStatus(
                "savepoint",
                err,
                () -> {
                    ClusterState cluster = ClusterState.load();
                    FlinkRest rest = new FlinkRest(cluster.restUrl());
                    String jobId = named != null ? named : onlyRunningJob(rest);
                    err.println("savepoint: stopping job " + jobId + " with a savepoint...");
                    String path = rest.stopWithSavepoint(jobId, cluster.savepoints(), TIMEOUT);
                    Files.writeString(
                            cluster.home().resolve(LAST_SAVEPOINT),
                            path + "\n",
                            StandardCharsets.UTF_8);
                    out.println(path);
                });
    }

    static String onlyRunningJob(FlinkRest rest) throws IOException, UsageException {
        List<String> running = new ArrayList<>();
        for (FlinkRest.JobSummary j : rest.jobs()) {
            if (j.state().equals("RUNNING")) {
                running.add(j.id() + " (" + j.name() + ")");
            }
        }
        if (running.isEmpty()) {
            throw new UsageException("no job is running");
        }
        if (running.size() > 1) {
            throw new UsageException(
                    "several jobs are running, name one: " + String.join(", ", running));
        }
        String first = running.get(0);
        return first.substring(0, first.indexOf(' '));
    }
}
