package com.bedrockusage.local.sql;

import com.bedrockusage.local.sql.SampleCalls.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's warehouse of {@link SampleCalls}, written before its first test and deleted after
 * its last:
 *
 * <pre>
 *   &#64;RegisterExtension
 *   static final SampleWarehouse SAMPLE = SampleWarehouse.of(200, 11);
 *   ... SAMPLE.sql("-e", "SELECT ...") ...
 * </pre>
 */
public final class SampleWarehouse implements BeforeAllCallback, AfterAllCallback {

    private final int count;
    private final long seed;
    private Path tmp;
    private List<Call> calls;
    private TestWarehouse warehouse;

    private SampleWarehouse(int count, long seed) {
        this.count = count;
        this.seed = seed;
    }

    /** {@code count} calls generated with {@code seed}, as {@link SampleCalls#generate}. */
    public static SampleWarehouse of(int count, long seed) {
        return new SampleWarehouse(count, seed);
    }

    public Path dir() {
        return warehouse.dir();
    }

    public List<Call> calls() {
        return calls;
    }

    /** bin/sql on this warehouse with {@code options}. */
    public CliRun sql(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "--warehouse";
        args[1] = dir().toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return CliRun.sql(args);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        tmp = Files.createTempDirectory("sample-warehouse-");
        calls = SampleCalls.generate(count, seed);
        warehouse = TestWarehouse.create(tmp.resolve("warehouse"));
        SampleCalls.writeAll(warehouse, calls);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            warehouse.close();
        } finally {
            FileUtils.deleteDirectory(tmp.toFile());
        }
    }
}
