package com.bedrockusage.local.generate;

import com.bedrockusage.job.reconcile.CurExportWriter;
import com.bedrockusage.pricing.PriceCatalog;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code bin/generate-cur}: a CUR 2.0 export (gzip CSV or Parquet, Data Exports layout) from the
 * generator's truth, optionally with three planted differences, for trying {@code bin/reconcile}
 * locally.
 */
public final class GenerateCur {

    static final String USAGE =
            "usage: bin/generate-cur --truth DIR/expected-totals.json --out DIR"
                    + " [--format csv|parquet] [--plant]";

    private GenerateCur() {}

    public static void main(String[] args) throws Exception {
        Path truth = null;
        Path out = null;
        String format = "csv";
        boolean plant = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--truth" -> truth = Paths.get(args[++i]);
                case "--out" -> out = Paths.get(args[++i]);
                case "--format" -> format = args[++i];
                case "--plant" -> plant = true;
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        if (truth == null || out == null || !(format.equals("csv") || format.equals("parquet"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        System.out.println(write(truth, out, format, plant));
    }

    /**
     * @return what was written and planted
     */
    public static String write(Path truth, Path out, String format, boolean plant)
            throws Exception {
        CurFromTruth.Bill bill = CurFromTruth.build(truth, PriceCatalog.defaultCatalog(), plant);
        Path dir =
                out.resolve(
                        "bedrock-cur/data/BILLING_PERIOD="
                                + bill.lines().get(0).day.toString().substring(0, 7));
        Path file =
                dir.resolve(
                        "bedrock-cur-00001."
                                + (format.equals("csv") ? "csv.gz" : "snappy.parquet"));
        if (format.equals("csv")) {
            CurExportWriter.writeCsvGz(file, bill.lines());
        } else {
            CurExportWriter.writeParquet(file, bill.lines());
        }
        return "wrote "
                + bill.lines().size()
                + " line items to "
                + file
                + " ("
                + bill.skippedUnpriced()
                + " truth rows of unpriced or unmapped models left out)"
                + (bill.planted() == null
                        ? ""
                        : "\nplanted: billed but not logged "
                                + bill.planted().billedOnly()
                                + "; price changed (output x"
                                + CurFromTruth.PRICE_FACTOR
                                + ") "
                                + bill.planted().priceChanged()
                                + "; principal missing "
                                + bill.planted().principalMissing());
    }
}
