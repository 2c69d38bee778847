package com.bedrockusage.job.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kinesis.source.config.KinesisStreamsSourceConfigConstants;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.SdkBytes;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.http.apache.ApacheHttpClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.regions.Region;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * kinesis-mock (npm {@code kinesis-local}, pinned in {@code local-cluster/emulators}) as a child
 * process on free 127.0.0.1 ports, with one stream; stopped by PID on {@link #close()}.
 */
public final class KinesisMock implements AutoCloseable {

    private static final String ACCESS_KEY = "AKIDLOCAL";
    private static final String SECRET_KEY = "local-secret";

    private final Process process;
    private final int port;
    private final KinesisClient client;
    private final String stream;

    private KinesisMock(Process process, int port, String stream) {
        this.process = process;
        this.port = port;
        this.stream = stream;
        this.client =
                KinesisClient.builder()
                        .endpointOverride(URI.create(endpoint()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                        .httpClientBuilder(ApacheHttpClient.builder())
                        .build();
    }

    /** Starts the emulator and creates {@code stream} with one shard. */
    public static KinesisMock start(String stream) throws Exception {
        File dir = emulatorDir();
        int plainPort = freePort();
        int tlsPort = freePort();
        KinesisMock mock =
                new KinesisMock(startEmulator(dir, plainPort, tlsPort), plainPort, stream);
        try {
            mock.waitForPort();
            mock.createStream();
            return mock;
        } catch (Exception e) {
            mock.close();
            throw e;
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String streamArn() {
        return "arn:aws:kinesis:us-east-1:000000000000:stream/" + stream;
    }

    /**
     * What {@code BedrockLogKinesis.source} needs to read the stream from the start: this endpoint,
     * static credentials, TRIM_HORIZON.
     */
    public Configuration sourceConfiguration() {
        Configuration config = new Configuration();
        config.setString("aws.endpoint", endpoint());
        config.setString("aws.region", "us-east-1");
        config.setString("aws.credentials.provider", "BASIC");
        config.setString("aws.credentials.provider.basic.accesskeyid", ACCESS_KEY);
        config.setString("aws.credentials.provider.basic.secretkey", SECRET_KEY);
        config.set(
                KinesisStreamsSourceConfigConstants.STREAM_INITIAL_POSITION,
                KinesisStreamsSourceConfigConstants.InitialPosition.TRIM_HORIZON);
        return config;
    }

    /** The emulator's client, for what a test does to the stream beyond putting records. */
    public KinesisClient client() {
        return client;
    }

    /**
     * Creates the stream with one shard (again, after a test deleted it) and waits until active.
     */
    public void createStream() throws InterruptedException {
        client.createStream(b -> b.streamName(stream).shardCount(1));
        waitUntilActive();
    }

    public void put(byte[] data, String partitionKey) {
        client.putRecord(
                b ->
                        b.streamName(stream)
                                .partitionKey(partitionKey)
                                .data(SdkBytes.fromByteArray(data)));
    }

    private void waitForPort() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kinesis-mock exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("kinesis-mock did not listen on " + port);
    }

    private void waitUntilActive() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            StreamStatus status =
                    client.describeStreamSummary(b -> b.streamName(stream))
                            .streamDescriptionSummary()
                            .streamStatus();
            if (status == StreamStatus.ACTIVE) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("stream not active");
    }

    /** Starts kinesis-local from {@link #emulatorDir()} on these loopback ports. */
    private static Process startEmulator(File dir, int plainPort, int tlsPort) throws IOException {
        File pkg = new File(dir, "node_modules/kinesis-local");
        // kinesis-mock hard-codes 0.0.0.0; the project's preload keeps it on 127.0.0.1
        ProcessBuilder builder =
                new ProcessBuilder(
                                "node",
                                "--require",
                                new File(dir, "loopback-only.cjs").getAbsolutePath(),
                                new File(pkg, "main.js").getPath())
                        .directory(pkg)
                        .redirectErrorStream(true)
                        .redirectOutput(new File("target/kinesis-mock-" + plainPort + ".log"));
        builder.environment().put("KINESIS_MOCK_PLAIN_PORT", String.valueOf(plainPort));
        builder.environment().put("KINESIS_MOCK_TLS_PORT", String.valueOf(tlsPort));
        builder.environment().put("KINESIS_MOCK_CERT_PATH", new File(pkg, "server.json").getPath());
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("LOG_LEVEL", "WARN");
        return builder.start();
    }

    /**
     * local-cluster/emulators with kinesis-local installed ({@code npm ci} from the lock file if
     * needed).
     */
    private static File emulatorDir() throws IOException, InterruptedException {
        File dir = new File("../local-cluster/emulators").getCanonicalFile();
        File main = new File(dir, "node_modules/kinesis-local/main.js");
        if (!main.isFile()) {
            Process npm =
                    new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                            .directory(dir)
                            .inheritIO()
                            .start();
            if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci failed in " + dir);
            }
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
        if (handle == null) {
            return;
        }
        handle.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            handle.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
