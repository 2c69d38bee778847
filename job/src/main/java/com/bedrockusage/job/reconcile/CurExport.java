package com.bedrockusage.job.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A CUR 2.0 export: a local file or folder, or {@code s3://bucket/prefix} (every object under it).
 * Data files are {@code *.parquet}, {@code *.csv.gz} and {@code *.csv}; anything else (manifests,
 * metadata) is skipped. Data Exports rewrites a month's files as the bill firms up, so point it at
 * the current files of the months you reconcile.
 */
public final class CurExport {

    private CurExport() {}

    public static CurRead read(
            String location,
            LocalDate from,
            LocalDate toExclusive,
            UsageTypeModels models,
            String s3Endpoint,
            String s3Region) {
        CurLineFilter filter = new CurLineFilter(models, from, toExclusive);
        CurRead all = new CurRead();
        try {
            if (location.startsWith("s3://")) {
                readS3(location, filter, all, s3Endpoint, s3Region);
            } else {
                Path root =
                        location.startsWith("file:")
                                ? Paths.get(URI.create(location))
                                : Paths.get(location);
                if (!Files.exists(root)) {
                    throw new IllegalArgumentException("no CUR export at " + root);
                }
                for (Path f : dataFiles(root)) {
                    all.addAll(readFile(f, f.toString(), filter));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static boolean isDataFile(String name) {
        return name.endsWith(".parquet") || name.endsWith(".csv.gz") || name.endsWith(".csv");
    }

    private static List<Path> dataFiles(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> isDataFile(p.getFileName().toString()))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /**
     * A file that cannot be read (corrupt, truncated, wrong types) is reported and skipped, not
     * fatal.
     */
    private static CurRead readFile(Path f, String name, CurLineFilter filter) {
        try {
            if (name.endsWith(".parquet")) {
                return CurParquetReader.read(f.toFile(), name, filter);
            }
            try (InputStream in = Files.newInputStream(f)) {
                return CurCsvReader.read(in, name, filter);
            }
        } catch (IOException | RuntimeException e) {
            CurRead failed = new CurRead();
            failed.files = 1;
            failed.problem(name + ": unreadable file, skipped: " + e);
            return failed;
        }
    }

    private static void readS3(
            String location, CurLineFilter filter, CurRead all, String endpoint, String region)
            throws IOException {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        S3ClientBuilder b =
                S3Client.builder().region(Region.of(region != null ? region : "us-east-1"));
        if (endpoint != null) {
            b.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        Path temp = Files.createTempDirectory("cur-export-");
        try (S3Client s3 = b.build()) {
            List<String> keys = new ArrayList<>();
            for (S3Object o :
                    s3.listObjectsV2Paginator(
                                    ListObjectsV2Request.builder()
                                            .bucket(bucket)
                                            .prefix(prefix)
                                            .build())
                            .contents()) {
                if (isDataFile(o.key())) {
                    keys.add(o.key());
                }
            }
            keys.sort(null);
            for (String key : keys) {
                Path local =
                        temp.resolve(
                                Integer.toHexString(key.hashCode())
                                        + "-"
                                        + key.substring(key.lastIndexOf('/') + 1));
                s3.getObject(
                        GetObjectRequest.builder().bucket(bucket).key(key).build(),
                        ResponseTransformer.toFile(local));
                try {
                    all.addAll(readFile(local, "s3://" + bucket + "/" + key, filter));
                } finally {
                    Files.deleteIfExists(local);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
