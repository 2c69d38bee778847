package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.testing.LoopbackGlueAndS3;
import com.bedrockusage.job.testing.ShadedJar;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On MSF the job writes through Iceberg's Glue catalog and S3FileIO, which the local e2e (Hadoop
 * catalog) never loads. These tests load both from the shaded jar alone, as {@code IcebergCatalogs}
 * configures them, and send real signed requests to a loopback Glue/S3: a class left out of the jar
 * fails here, not on a deploy.
 */
class ShadedJarAwsCatalogITCase {

    private static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";
    private static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

    private static ShadedJar shaded;
    private LoopbackGlueAndS3 aws;

    @BeforeAll
    static void loadTheShadedJar() throws Exception {
        // Glue signs with these (SystemPropertyCredentialsProvider): no lookup reaches for instance
        // metadata
        System.setProperty("aws.accessKeyId", "AKIDLOCAL");
        System.setProperty("aws.secretAccessKey", "local-secret");
        shaded = ShadedJar.inTarget();
    }

    @AfterAll
    static void closeTheShadedJar() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        shaded.close();
    }

    @BeforeEach
    void startAws() throws Exception {
        aws = new LoopbackGlueAndS3();
    }

    @AfterEach
    void stopAws() {
        aws.close();
    }

    @Test
    void shouldListGlueNamespacesThroughTheCatalogLoaderOfTheShadedJar() throws Exception {
        Object hadoopConf =
                load("org.apache.hadoop.conf.Configuration").getConstructor().newInstance();
        assertThat(call(hadoopConf, "org.apache.hadoop.conf.Configuration", "get", "fs.defaultFS"))
                .as("Hadoop reads its core-default.xml")
                .isEqualTo("file:///");

        // the same CatalogLoader.custom(...) call as IcebergCatalogs.loader for catalog type glue
        Object loader =
                shaded.callStatic(
                        "org.apache.iceberg.flink.CatalogLoader",
                        "custom",
                        "glue",
                        properties(),
                        hadoopConf,
                        GLUE_CATALOG);
        Object catalog = call(loader, "org.apache.iceberg.flink.CatalogLoader", "loadCatalog");
        try {
            assertThat(catalog.getClass().getName()).isEqualTo(GLUE_CATALOG);
            assertThat(
                            (List<?>)
                                    call(
                                            catalog,
                                            "org.apache.iceberg.catalog.SupportsNamespaces",
                                            "listNamespaces"))
                    .isEmpty();
        } finally {
            ((AutoCloseable) catalog).close();
        }

        assertThat(aws.requests())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.target).isEqualTo("AWSGlue.GetDatabases");
                            assertThat(r.authorization)
                                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/");
                        });
    }

    @Test
    void shouldWriteAnObjectThroughTheS3FileIoOfTheShadedJar() throws Exception {
        Object hadoopConf =
                load("org.apache.hadoop.conf.Configuration").getConstructor().newInstance();
        Object io =
                shaded.callStatic(
                        "org.apache.iceberg.CatalogUtil",
                        "loadFileIO",
                        S3_FILE_IO,
                        properties(),
                        hadoopConf);
        String location = "s3://warehouse-bucket/usage/probe.parquet";
        byte[] bytes = "PAR1 not really".getBytes(StandardCharsets.UTF_8);
        try {
            Object before = call(io, "org.apache.iceberg.io.FileIO", "newInputFile", location);
            assertThat(call(before, "org.apache.iceberg.io.InputFile", "exists")).isEqualTo(false);

            Object out = call(io, "org.apache.iceberg.io.FileIO", "newOutputFile", location);
            try (OutputStream stream =
                    (OutputStream)
                            call(out, "org.apache.iceberg.io.OutputFile", "createOrOverwrite")) {
                stream.write(bytes);
            }

            Object after = call(io, "org.apache.iceberg.io.FileIO", "newInputFile", location);
            assertThat(call(after, "org.apache.iceberg.io.InputFile", "getLength"))
                    .isEqualTo((long) bytes.length);
        } finally {
            ((AutoCloseable) io).close();
        }

        assertThat(aws.requests())
                .extracting(r -> r.method + " " + r.path)
                .containsExactly(
                        "HEAD /warehouse-bucket/usage/probe.parquet",
                        "PUT /warehouse-bucket/usage/probe.parquet",
                        "HEAD /warehouse-bucket/usage/probe.parquet");
        assertThat(aws.requests())
                .allSatisfy(
                        r ->
                                assertThat(r.authorization)
                                        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/"));
    }

    /**
     * What IcebergCatalogs sets for glue, plus endpoints and static keys for the loopback server.
     */
    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("warehouse", "s3://warehouse-bucket/usage");
        p.put("io-impl", S3_FILE_IO);
        p.put("client.region", "eu-west-1");
        p.put(
                "client.credentials-provider",
                "software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider");
        p.put("glue.endpoint", aws.endpoint());
        p.put("s3.endpoint", aws.endpoint());
        p.put("s3.path-style-access", "true");
        p.put("s3.access-key-id", "AKIDLOCAL");
        p.put("s3.secret-access-key", "local-secret");
        p.put("s3.retry.num-retries", "0");
        return p;
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return shaded.load(name);
    }

    private static Object call(Object target, String declaringType, String method, Object... args)
            throws Exception {
        return shaded.call(target, declaringType, method, args);
    }
}
