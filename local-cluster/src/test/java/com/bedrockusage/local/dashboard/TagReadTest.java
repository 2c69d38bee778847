package com.bedrockusage.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.local.sql.SampleCalls;
import com.bedrockusage.local.sql.TestWarehouse;
import com.bedrockusage.pricing.PriceCatalog;
import com.bedrockusage.udf.CallerApp;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the invocations are being read for tags (over a minute for a million calls on a busy
 * machine), the data says tags are not ready yet, and a minute chart still answers: it does not
 * wait for that read.
 */
class TagReadTest {

    @TempDir Path dir;

    @Test
    void shouldAnswerMinutesAndSayTagsAreNotReadyWhileTheInvocationsAreRead() throws Exception {
        try (TestWarehouse w = TestWarehouse.create(dir)) {
            SampleCalls.writeAll(w, SampleCalls.generate(200, 11));
        }
        SlowInvocations reader = new SlowInvocations();
        WarehouseLoader loader =
                new WarehouseLoader(
                        new HadoopCatalog(new Configuration(), dir.toUri().toString()),
                        TestWarehouse.NAMESPACE,
                        reader);
        Refresher refresher = new Refresher(loader);
        try {
            refresher.start(60_000);
            assertThat(reader.reading.await(60, TimeUnit.SECONDS))
                    .as("the tag read started")
                    .isTrue();

            WarehouseData d = refresher.data();
            assertThat(d.tagsReady()).isFalse();
            List<UsageFact> minutes =
                    CompletableFuture.supplyAsync(
                                    () ->
                                            loader.minutes(
                                                    d.snapshots(),
                                                    SampleCalls.FIRST_DAY,
                                                    SampleCalls.FIRST_DAY.plusSeconds(6 * 3600)))
                            .get(60, TimeUnit.SECONDS);
            assertThat(minutes).isNotEmpty().allMatch(f -> f.windowStart() < at(6 * 3600));

            reader.release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!refresher.data().tagsReady() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(refresher.data().tagsReady()).isTrue();
            assertThat(refresher.data().tagHours()).isNotEmpty();
        } finally {
            reader.release.countDown();
            refresher.close();
        }
    }

    private static long at(long secondsAfterFirstDay) {
        return SampleCalls.FIRST_DAY.plusSeconds(secondsAfterFirstDay).toEpochMilli();
    }

    /**
     * Holds the first invocation until released: the read of the invocations is "still running".
     */
    private static final class SlowInvocations extends FactReader {
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        SlowInvocations() {
            super(Pattern.compile(CallerApp.DEFAULT_PATTERN), PriceCatalog.defaultCatalog());
        }

        @Override
        UsageFact invocation(Record r, long hourStart) {
            reading.countDown();
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.invocation(r, hourStart);
        }
    }
}
