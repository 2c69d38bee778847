package com.bedrockusage.local.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code cluster.env} as {@code local-cluster/bin/cluster start} writes it. */
final class ClusterStates {

    private ClusterStates() {}

    static ClusterState withEmulators(Path home) throws IOException {
        return write(home, "http://127.0.0.1:8081");
    }

    static ClusterState write(Path home, String restUrl) throws IOException {
        Files.writeString(
                home.resolve("cluster.env"),
                String.join(
                        "\n",
                        "# written by local-cluster/bin/cluster start",
                        "REST_URL=" + restUrl,
                        "WEB_UI_PORT=8081",
                        "CLUSTER_HOME=" + home,
                        "WAREHOUSE=file:///tmp/wh",
                        "SAVEPOINTS=file://" + home.resolve("savepoints"),
                        "KINESIS_ENDPOINT=http://127.0.0.1:4567",
                        "KINESIS_STREAM_ARN=arn:aws:kinesis:us-east-1:000000000000:stream/s",
                        "KINESIS_REGION=us-east-1",
                        "S3_ENDPOINT=http://127.0.0.1:9090",
                        "S3_BUCKET=logs-bucket",
                        "S3_LOGS_PATH=s3://logs-bucket/",
                        ""),
                StandardCharsets.UTF_8);
        return ClusterState.load(home);
    }
}
