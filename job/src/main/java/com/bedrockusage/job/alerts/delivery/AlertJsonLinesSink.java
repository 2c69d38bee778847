package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.DeliveredAlert;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Local runs: appends each alert and its delivery outcome as one JSON line to a file, and prints a
 * one-line summary. Run it with parallelism 1 (one writer per file). Lines are flushed as they
 * come: alerts are rare and wanted now.
 */
public class AlertJsonLinesSink implements Sink<DeliveredAlert> {

    private static final long serialVersionUID = 1L;

    private final String path;

    public AlertJsonLinesSink(String path) {
        this.path = path;
    }

    // Deprecated, yet still abstract in Flink 1.20's Sink: it must be implemented.
    @Override
    @Deprecated
    public SinkWriter<DeliveredAlert> createWriter(InitContext context) throws IOException {
        return new LineWriter(Path.of(path), System.out);
    }

    @Override
    public SinkWriter<DeliveredAlert> createWriter(WriterInitContext context) throws IOException {
        return new LineWriter(Path.of(path), System.out);
    }

    /** One line for the console: {@code ALERT [HIGH] subject -> DELIVERED (2 attempts) id}. */
    public static String summary(DeliveredAlert d) {
        return String.format(
                Locale.ROOT,
                "ALERT %s -> %s (%d attempt%s)%s id=%s",
                AlertMessages.subject(d.alert),
                d.status,
                d.attempts,
                d.attempts == 1 ? "" : "s",
                d.error == null ? "" : " " + d.error,
                d.alert.alertId);
    }

    static final class LineWriter implements SinkWriter<DeliveredAlert> {

        private final Writer out;
        private final PrintStream console;

        LineWriter(Path file, PrintStream console) throws IOException {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out =
                    new BufferedWriter(
                            Channels.newWriter(
                                    Files.newByteChannel(
                                            file,
                                            StandardOpenOption.CREATE,
                                            StandardOpenOption.WRITE,
                                            StandardOpenOption.APPEND),
                                    StandardCharsets.UTF_8));
            this.console = console;
        }

        @Override
        public void write(DeliveredAlert d, Context context) throws IOException {
            out.write(AlertJson.line(d));
            out.write('\n');
            out.flush();
            console.println(summary(d));
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
