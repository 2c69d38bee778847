package com.bedrockusage.local.generate;

import com.bedrockusage.local.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes delivery files under a directory laid out like the bucket. Files are independent, so they
 * are rendered and compressed in parallel; each worker reuses its line buffer and deflater.
 */
final class S3LayoutWriter {

    private final Path root;
    private final RecordRenderer renderer;
    private final int threads;
    private final int gzipLevel;

    S3LayoutWriter(Path root, RecordRenderer renderer, int threads, int gzipLevel) {
        this.root = root;
        this.renderer = renderer;
        this.threads = threads;
        this.gzipLevel = gzipLevel;
    }

    WriteStats write(List<DeliveryFile> files) throws IOException {
        WriteStats stats = new WriteStats();
        ExecutorService pool =
                Executors.newFixedThreadPool(threads, DaemonThreads.named("generate-logs-writer"));
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(gzipLevel));
        List<Worker> all = new ArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (DeliveryFile f : files) {
                futures.add(
                        pool.submit(
                                () -> {
                                    Worker w = workers.get();
                                    synchronized (all) {
                                        if (!all.contains(w)) {
                                            all.add(w);
                                        }
                                    }
                                    w.write(f, stats);
                                    return null;
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        } finally {
            pool.shutdownNow();
            all.forEach(w -> w.gzip.close());
        }
        return stats;
    }

    private final class Worker {
        final GzipWriter gzip;
        final JsonBytes line = new JsonBytes(64 * 1024);

        Worker(int level) {
            this.gzip = new GzipWriter(level);
        }

        void write(DeliveryFile f, WriteStats stats) throws IOException {
            Path file = root.resolve(f.key());
            Files.createDirectories(file.getParent());
            try (OutputStream os = Files.newOutputStream(file)) {
                gzip.start(os);
                for (PlannedRecord r : f.lines()) {
                    line.reset();
                    renderer.render(r, line);
                    line.raw('\n');
                    gzip.write(line.array(), 0, line.length());
                }
                gzip.finish();
            }
            long uncompressed = gzip.uncompressedBytes();
            long compressed = gzip.compressedBytes();
            for (PlannedRecord r : f.payloads()) {
                Path payload = root.resolve(renderer.inputPayloadKey(r));
                Files.createDirectories(payload.getParent());
                try (OutputStream os = Files.newOutputStream(payload)) {
                    gzip.start(os);
                    line.reset();
                    renderer.renderInputBody(r, line);
                    gzip.write(line.array(), 0, line.length());
                    gzip.finish();
                }
            }
            stats.add(1, f.payloads().size(), f.lines().size(), uncompressed, compressed);
        }
    }
}
