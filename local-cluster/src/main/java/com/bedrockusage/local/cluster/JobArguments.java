package com.bedrockusage.local.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The program arguments of the job on the local cluster: its sources are the emulators, its
 * warehouse the cluster's. No {@code --local}: like on MSF, the cluster (and the run request) owns
 * parallelism and checkpointing. User settings come last so they win.
 */
final class JobArguments {

    private JobArguments() {}

    static List<String> forCluster(
            ClusterState cluster, boolean kinesis, boolean s3, List<String> userSets) {
        List<String> sets = new ArrayList<>();
        if (s3 && !cluster.s3LogsPath().isEmpty()) {
            sets.add("source.s3.path=" + cluster.s3LogsPath());
            sets.add("source.s3.mode=continuous");
            sets.add("source.s3.discovery-interval=5s");
            // feed writes objects into the hour folders of their (often past) event time, where
            // Bedrock files them by
            // delivery time: a lookback of years keeps every fed folder in the listing
            sets.add("source.s3.lookback=3650d");
        }
        if (kinesis && !cluster.kinesisStreamArn().isEmpty()) {
            sets.add("source.kinesis.stream-arn=" + cluster.kinesisStreamArn());
            sets.add("source.kinesis.region=" + cluster.kinesisRegion());
            sets.add("source.kinesis.endpoint=" + cluster.kinesisEndpoint());
            sets.add("source.kinesis.initial-position=TRIM_HORIZON");
        }
        sets.add("iceberg.warehouse=" + cluster.warehouse());
        sets.add("alerts.jsonl-path=" + cluster.home().resolve("alerts.jsonl"));
        sets.addAll(userSets);
        List<String> args = new ArrayList<>();
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        return args;
    }
}
