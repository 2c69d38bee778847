package com.bedrockusage.local.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM's JIT compiler and garbage-collector threads, from {@code /proc/self/task}:
 * exact where a JFR execution sample cannot see them (they run no Java code).
 */
final class ThreadCpu {

    /** Linux reports thread times in USER_HZ ticks, 100 per second on every architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final Path TASKS = Path.of("/proc/self/task");

    private ThreadCpu() {}

    /** CPU nanoseconds of the JIT and GC threads so far, or -1 where /proc does not say. */
    static long jitAndGcNanos() {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8);
                    if (isJitOrGc(name.trim())) {
                        ticks += cpuTicks(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException threadEnded) {
                    // a thread that ended in between
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** HotSpot's thread names (truncated to 15 characters by Linux). */
    static boolean isJitOrGc(String threadName) {
        return threadName.startsWith("C1 CompilerThre")
                || threadName.startsWith("C2 CompilerThre")
                || threadName.startsWith("GC Thread")
                || threadName.startsWith("VM Thread")
                || threadName.startsWith("G1 ");
    }

    /**
     * utime + stime of a {@code /proc/.../stat} line (fields 14 and 15; the name may hold spaces).
     */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
