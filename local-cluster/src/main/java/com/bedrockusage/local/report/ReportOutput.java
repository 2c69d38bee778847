package com.bedrockusage.local.report;

import com.bedrockusage.local.sql.CliException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Where a report goes: standard output, a local file, or an S3 object ({@code s3://bucket/key}).
 */
public final class ReportOutput {

    private ReportOutput() {}

    /**
     * The options {@code --out FILE|s3://bucket/key} (null or {@code -}: standard output), {@code
     * --force} and, for S3, {@code --endpoint} and {@code --region}.
     */
    public record Target(String out, boolean force, String endpoint, String region) {}

    /**
     * @return a description of where it went
     */
    public static String write(
            String content, String contentType, Target target, PrintStream stdout) {
        String out = target.out();
        if (out == null || out.equals("-")) {
            stdout.print(content);
            stdout.flush();
            return "standard output";
        }
        if (out.startsWith("s3://")) {
            return putS3(content, contentType, out, target.endpoint(), target.region());
        }
        return writeFile(content, Paths.get(out).toAbsolutePath(), target.force());
    }

    /**
     * Writes a temporary file beside {@code file} and renames it over, so a reader never sees half
     * a report and a failure leaves the old file as it was. An existing file is kept unless {@code
     * force}.
     */
    static String writeFile(String content, Path file, boolean force) {
        if (!force && Files.exists(file)) {
            throw new CliException(file + " exists: pass --force to replace it");
        }
        if (Files.isDirectory(file)) {
            throw new CliException(file + " is a directory");
        }
        Path temp = null;
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            if (force) {
                Files.move(
                        temp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                // without REPLACE_EXISTING a file created since the check above is not replaced
                // either
                Files.move(temp, file);
            }
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new CliException(file + " exists: pass --force to replace it");
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e);
        } finally {
            deleteQuietly(temp);
        }
        return file.toString();
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover hidden .tmp file is harmless
            }
        }
    }

    /** {@code s3://bucket/key} → bucket and key; both required. */
    static String[] bucketAndKey(String s3Uri) {
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new CliException("--out must be s3://bucket/key, not '" + s3Uri + "'");
        }
        return new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    private static String putS3(
            String content, String contentType, String out, String endpoint, String region) {
        String[] bk = bucketAndKey(out);
        S3ClientBuilder builder =
                S3Client.builder()
                        .httpClientBuilder(ApacheHttpClient.builder())
                        .region(Region.of(region != null ? region : envRegion()));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        try (S3Client s3 = builder.build()) {
            s3.putObject(
                    PutObjectRequest.builder()
                            .bucket(bk[0])
                            .key(bk[1])
                            .contentType(contentType)
                            .build(),
                    RequestBody.fromString(content, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String envRegion() {
        String r = System.getenv("AWS_REGION");
        if (r == null || r.isEmpty()) {
            r = System.getenv("AWS_DEFAULT_REGION");
        }
        return r == null || r.isEmpty() ? "us-east-1" : r;
    }
}
