package com.bedrockusage.job.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes log objects in the layout Bedrock uses in S3, under a local root. */
public final class LogTree {

    private final Path root;
    private int files;

    public LogTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes the lines as one gzip NDJSON object in the hour folder of the first record. */
    public Path write(LogRecord hourOf, List<String> lines) {
        return writeBytes(hourOf, gzip(String.join("\n", lines) + "\n"));
    }

    public Path writeBytes(LogRecord hourOf, byte[] content) {
        ZonedDateTime t = hourOf.time.atZone(ZoneOffset.UTC);
        Path dir =
                root.resolve(
                        String.format(
                                "AWSLogs/%s/BedrockModelInvocationLogs/%s/%04d/%02d/%02d/%02d",
                                hourOf.accountId,
                                hourOf.region,
                                t.getYear(),
                                t.getMonthValue(),
                                t.getDayOfMonth(),
                                t.getHour()));
        Path file = dir.resolve(String.format("%04d_%s.json.gz", files++, hourOf.requestId));
        try {
            Files.createDirectories(dir);
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * A gzip object whose first text is complete and whose second is cut off in the middle
     * (truncated upload).
     */
    public static byte[] gzipCutInSecond(String first, String second) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, true)) {
            gz.write(first.getBytes(StandardCharsets.UTF_8));
            gz.flush();
            int firstEnds = bytes.size();
            gz.write(second.getBytes(StandardCharsets.UTF_8));
            gz.finish();
            byte[] all = bytes.toByteArray();
            return java.util.Arrays.copyOf(all, firstEnds + (all.length - firstEnds) / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
