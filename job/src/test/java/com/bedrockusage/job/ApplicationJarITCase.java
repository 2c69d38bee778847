package com.bedrockusage.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shaded jar is what goes to MSF: it must start, must not carry Flink itself, and must run on Java 11. */
class ApplicationJarITCase {

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
            assertThat(j.getEntry(UsageStreamJob.class.getName().replace('.', '/') + ".class")).isNotNull();
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

    private static int majorVersion(JarFile j, JarEntry e) throws IOException {
        try (InputStream in = j.getInputStream(e); DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
