package com.bedrockusage.job.testing;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads classes from the shaded jar alone, as MSF does: the JDK, plus what Flink's own class path
 * provides (Flink, slf4j, log4j) from the test's class path. Anything else the jar lacks fails with
 * NoClassDefFoundError instead of being found among the test's Maven dependencies.
 */
public final class ShadedJarClassLoader {

    private static final String[] PROVIDED_BY_FLINK = {
        "org.apache.flink.", "org.slf4j.", "org.apache.logging.log4j."
    };

    private ShadedJarClassLoader() {}

    public static URLClassLoader of(File jar) throws MalformedURLException {
        return new URLClassLoader(
                new URL[] {jar.toURI().toURL()},
                new FlinkProvided(ShadedJarClassLoader.class.getClassLoader()));
    }

    /** The JDK's classes, and Flink's from {@code testClassPath}; nothing else. */
    private static final class FlinkProvided extends ClassLoader {
        private final ClassLoader testClassPath;

        FlinkProvided(ClassLoader testClassPath) {
            super(ClassLoader.getPlatformClassLoader());
            this.testClassPath = testClassPath;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (String prefix : PROVIDED_BY_FLINK) {
                if (name.startsWith(prefix)) {
                    return testClassPath.loadClass(name);
                }
            }
            throw new ClassNotFoundException(name);
        }
    }
}
