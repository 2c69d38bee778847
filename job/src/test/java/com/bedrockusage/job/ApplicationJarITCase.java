package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar is what goes to MSF: it must start, must not carry Flink itself, must run on Java
 * 11, and must carry only what the job loads (every deploy uploads it, MSF unpacks it on every
 * start and scale-out).
 */
class ApplicationJarITCase {

    /**
     * Compressed size of the jar; it was 225 MB before the job's unused parts were left out
     * (docs/benchmarks.md).
     */
    static final long SIZE_BUDGET_BYTES = 100_000_000L;

    /** Paths the job never loads: each came in with a dependency once, and must not come back. */
    static final List<String> NEVER_INSIDE =
            List.of(
                    "amazon-kinesis-producer-native-binaries/", // KPL executables: the job never
                    // produces to Kinesis
                    "org/apache/flink/kinesis/shaded/com/amazonaws/", // SDK v1 of the legacy
                    // consumer and the KPL
                    "META-INF/maven/org.apache.iceberg/iceberg-aws-bundle/", // a second AWS SDK,
                    // CRT natives, log4j
                    "software/amazon/awssdk/crt/", // the CRT client: Iceberg's S3FileIO uses
                    // apache-client
                    "software/amazon/awssdk/services/dynamodb/",
                    "software/amazon/awssdk/services/iam/",
                    "software/amazon/awssdk/services/s3control/",
                    "org/apache/logging/log4j/", // Flink's own log4j must be the only one
                    "org/slf4j/",
                    "org/apache/hadoop/yarn/",
                    "org/apache/hadoop/hdfs/",
                    "org/apache/hadoop/mapreduce/",
                    "org/apache/hadoop/mapred/",
                    "org/apache/hadoop/shaded/org/apache/curator/",
                    "org/apache/hadoop/shaded/org/eclipse/jetty/",
                    "org/apache/flink/kinesis/shaded/com/fasterxml/",
                    "org/apache/flink/kinesis/shaded/software/amazon/ion/",
                    "org/projectnessie/",
                    "com/google/common/"); // unshaded guava: only the legacy Kinesis consumer used

    // it

    /**
     * Native libraries for MSF (linux x86-64 and aarch64, glibc) and for local session clusters on
     * macOS.
     */
    static final List<String> NATIVE_DIRECTORIES =
            List.of(
                    "linux/amd64/",
                    "linux/aarch64/",
                    "darwin/x86_64/",
                    "darwin/aarch64/", // zstd-jni (Parquet zstd)
                    "org/xerial/snappy/native/Linux/x86_64/",
                    "org/xerial/snappy/native/Linux/aarch64/",
                    "org/xerial/snappy/native/Mac/x86_64/",
                    "org/xerial/snappy/native/Mac/aarch64/",
                    "com/intel/gkl/native/"); // ISA-L gzip: x86-64 Linux and macOS only (falls back

    // to zlib elsewhere)

    private static final Pattern NATIVE_LIBRARY = Pattern.compile(".*\\.(so|dylib|jnilib|dll|a)$");

    /**
     * One class of each library the AWS clients run on: the SDK, its Netty and its Apache HTTP
     * client.
     */
    private static final List<String> ONE_COPY_MARKERS =
            List.of(
                    "software/amazon/awssdk/core/SdkBytes.class",
                    "io/netty/channel/Channel.class",
                    "org/apache/http/client/HttpClient.class");

    private static final List<String> OWN_RELOCATIONS =
            List.of("org/apache/flink/kinesis/shaded/", "org/apache/hadoop/shaded/");

    private static File jar;

    @BeforeAll
    static void findJar() {
        File[] candidates = new File("target").listFiles((dir, name) -> name.endsWith("-msf.jar"));
        assertThat(candidates).as("shaded jar in job/target (run mvn package first)").hasSize(1);
        jar = candidates[0];
    }

    @Test
    void shouldNameTheJobAsMainClass() throws IOException {
        try (JarFile j = new JarFile(jar)) {
            assertThat(j.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(UsageStreamJob.class.getName());
            assertThat(j.getEntry(UsageStreamJob.class.getName().replace('.', '/') + ".class"))
                    .isNotNull();
        }
    }

    @Test
    void shouldNotBundleTheFlinkRuntimeOrSignatures() throws IOException {
        List<String> offending = new ArrayList<>();
        try (JarFile j = new JarFile(jar)) {
            Enumeration<JarEntry> entries = j.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith("org/apache/flink/runtime/")
                        || name.startsWith("org/apache/flink/streaming/api/environment/")
                        || name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)")) {
                    offending.add(name);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void shouldCompileOurClassesForJava11() throws IOException {
        int checked = 0;
        try (JarFile j = new JarFile(jar)) {
            Enumeration<JarEntry> entries = j.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith("com/bedrockusage/") && e.getName().endsWith(".class")) {
                    assertThat(majorVersion(j, e)).as(e.getName()).isEqualTo(55);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void shouldStayUnderTheSizeBudget() {
        assertThat(jar.length())
                .as("%s in bytes: see docs/benchmarks.md, Deployment artifact", jar.getName())
                .isLessThan(SIZE_BUDGET_BYTES);
    }

    @Test
    void shouldNotCarryWhatTheJobNeverLoads() throws IOException {
        List<String> offending =
                entryNames().stream()
                        .filter(name -> NEVER_INSIDE.stream().anyMatch(name::startsWith))
                        .collect(Collectors.toList());
        assertThat(offending).isEmpty();
    }

    @Test
    void shouldCarryNativeLibrariesOnlyForTheRuntimePlatforms() throws IOException {
        List<String> natives =
                entryNames().stream()
                        .filter(name -> NATIVE_LIBRARY.matcher(name).matches())
                        .collect(Collectors.toList());
        assertThat(natives)
                .as("Parquet's zstd must load on MSF")
                .anyMatch(n -> n.startsWith("linux/amd64/"));
        assertThat(natives)
                .filteredOn(name -> NATIVE_DIRECTORIES.stream().noneMatch(name::startsWith))
                .as("native libraries for other platforms or libc builds")
                .isEmpty();
    }

    @Test
    void shouldCarryOneCopyOfTheAwsSdkAndItsHttpClients() throws IOException {
        List<String> names = entryNames();
        for (String marker : ONE_COPY_MARKERS) {
            // The Kinesis connector and Hadoop relocate their own copies inseparably; any other
            // copy is one too many.
            assertThat(names)
                    .filteredOn(name -> name.endsWith(marker))
                    .filteredOn(name -> OWN_RELOCATIONS.stream().noneMatch(name::startsWith))
                    .as("copies of %s", marker)
                    .containsExactly(marker);
        }
        Map<String, String> versions = sdkModuleVersions();
        assertThat(versions)
                .containsKeys(
                        "glue",
                        "s3",
                        "kms",
                        "sts",
                        "sns",
                        "sdk-core",
                        "apache-client",
                        "netty-nio-client");
        assertThat(new TreeSet<>(versions.values()))
                .as("SDK module versions %s", versions)
                .hasSize(1);
    }

    @Test
    void shouldNameOnlyServiceProvidersThatAreInside() throws IOException {
        Set<String> names = new TreeSet<>(entryNames());
        List<String> dangling = new ArrayList<>();
        try (JarFile j = new JarFile(jar)) {
            for (String name : names) {
                if (!name.startsWith("META-INF/services/") || name.endsWith("/")) {
                    continue;
                }
                for (String provider : serviceProviders(j, j.getJarEntry(name))) {
                    if (!names.contains(provider.replace('.', '/') + ".class")) {
                        dangling.add(name + " -> " + provider);
                    }
                }
            }
        }
        assertThat(dangling)
                .as("a provider left out of the jar fails ServiceLoader at run time")
                .isEmpty();
    }

    private static List<String> entryNames() throws IOException {
        try (JarFile j = new JarFile(jar)) {
            return j.stream().map(JarEntry::getName).collect(Collectors.toList());
        }
    }

    /** artifactId to version for every AWS SDK v2 module whose Maven metadata the jar carries. */
    private static Map<String, String> sdkModuleVersions() throws IOException {
        Map<String, String> versions = new TreeMap<>();
        try (JarFile j = new JarFile(jar)) {
            for (JarEntry e : (Iterable<JarEntry>) j.stream()::iterator) {
                String name = e.getName();
                if (name.startsWith("META-INF/maven/software.amazon.awssdk/")
                        && name.endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = j.getInputStream(e)) {
                        p.load(in);
                    }
                    versions.put(p.getProperty("artifactId"), p.getProperty("version"));
                }
            }
        }
        return versions;
    }

    private static List<String> serviceProviders(JarFile j, JarEntry e) throws IOException {
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(j.getInputStream(e), StandardCharsets.UTF_8))) {
            return r.lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toList());
        }
    }

    private static int majorVersion(JarFile j, JarEntry e) throws IOException {
        try (InputStream in = j.getInputStream(e);
                DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
