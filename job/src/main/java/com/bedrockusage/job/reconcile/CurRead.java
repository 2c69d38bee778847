package com.bedrockusage.job.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading a CUR export gave: the Bedrock usage lines in range, and what was left out and why.
 */
public final class CurRead {

    /** At most this many problems are kept word for word; the rest are only counted. */
    static final int MAX_PROBLEMS = 20;

    public final List<CurLine> lines = new ArrayList<>();
    public long files;
    public long otherProducts;

    /**
     * Bedrock lines that are not usage (tax, credits, refunds, fees): not metered, so not compared.
     */
    public long notUsage;

    public long outOfRange;

    /** Lines with a missing or malformed date, amount or account: reported, not compared. */
    public long unreadable;

    public final List<String> problems = new ArrayList<>();

    void problem(String message) {
        unreadable++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        }
    }

    void addAll(CurRead other) {
        lines.addAll(other.lines);
        files += other.files;
        otherProducts += other.otherProducts;
        notUsage += other.notUsage;
        outOfRange += other.outOfRange;
        unreadable += other.unreadable;
        for (String p : other.problems) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            }
        }
    }
}
