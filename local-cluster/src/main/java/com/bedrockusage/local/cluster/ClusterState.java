package com.bedrockusage.local.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code local-cluster/bin/cluster start} wrote to {@code cluster.env}: the REST URL, the
 * emulator endpoints, the Kinesis stream, the S3 bucket and the warehouse. The directory comes from
 * {@code LOCAL_CLUSTER_HOME} (the scripts set it), else {@code ./local-data/cluster}.
 */
public final class ClusterState {

    public static final String HOME_ENV = "LOCAL_CLUSTER_HOME";
    static final String FILE = "cluster.env";

    private final Path home;
    private final Properties values;

    ClusterState(Path home, Properties values) {
        this.home = home;
        this.values = values;
    }

    public static Path defaultHome() {
        String env = System.getenv(HOME_ENV);
        return Path.of(env != null && !env.isBlank() ? env : "local-data/cluster")
                .toAbsolutePath()
                .normalize();
    }

    public static ClusterState load() throws IOException {
        return load(defaultHome());
    }

    public static ClusterState load(Path home) throws IOException {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "no local cluster in " + home + " (start it: local-cluster/bin/cluster start)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new ClusterState(home, p);
    }

    public Path home() {
        return home;
    }

    public String restUrl() {
        return required("REST_URL");
    }

    public String warehouse() {
        return required("WAREHOUSE");
    }

    public String savepoints() {
        return required("SAVEPOINTS");
    }

    /** Empty when the cluster runs without emulators. */
    public String kinesisEndpoint() {
        return values.getProperty("KINESIS_ENDPOINT", "");
    }

    public String kinesisStreamArn() {
        return values.getProperty("KINESIS_STREAM_ARN", "");
    }

    public String kinesisRegion() {
        return values.getProperty("KINESIS_REGION", "us-east-1");
    }

    public String s3Endpoint() {
        return values.getProperty("S3_ENDPOINT", "");
    }

    public String s3Bucket() {
        return values.getProperty("S3_BUCKET", "");
    }

    /** Where the job reads Bedrock log objects: {@code s3://bucket/}. */
    public String s3LogsPath() {
        return values.getProperty("S3_LOGS_PATH", "");
    }

    public boolean hasEmulators() {
        return !kinesisEndpoint().isEmpty() && !s3Endpoint().isEmpty();
    }

    /** The web UI page of a job. */
    public String jobUrl(String jobId) {
        return restUrl() + "/#/job/running/" + jobId + "/overview";
    }

    private String required(String key) {
        String v = values.getProperty(key, "");
        if (v.isEmpty()) {
            throw new IllegalStateException(
                    key + " is missing from " + home.resolve(FILE) + "; restart the cluster");
        }
        return v;
    }
}
