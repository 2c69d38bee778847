package com.bedrockusage.local.reconcile;

import com.bedrockusage.job.reconcile.CurRead;
import com.bedrockusage.job.reconcile.Reconciler;
import com.bedrockusage.job.reconcile.ReconciliationRow;
import com.bedrockusage.job.reconcile.ReconciliationStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human summary of a run: counts per status, totals, unmapped usage types and every row that is
 * not a match.
 */
final class ReconciliationSummary {

    private ReconciliationSummary() {}

    static String of(LocalDate from, LocalDate to, CurRead read, List<ReconciliationRow> rows) {
        StringBuilder b = new StringBuilder();
        b.append("reconciled ")
                .append(from)
                .append(" .. ")
                .append(to)
                .append(": ")
                .append(rows.size())
                .append(" rows; bill: ")
                .append(read.lines.size())
                .append(" Bedrock usage lines from ")
                .append(read.files)
                .append(" files (")
                .append(read.notUsage)
                .append(" not usage, ")
                .append(read.outOfRange)
                .append(" outside the days, ")
                .append(read.unreadable)
                .append(" unreadable)\n");
        for (String p : read.problems) {
            b.append("  warning: ").append(p).append('\n');
        }
        Map<ReconciliationStatus, Integer> counts = new EnumMap<>(ReconciliationStatus.class);
        BigDecimal metered = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        Map<String, BigDecimal> unmapped = new TreeMap<>();
        for (ReconciliationRow r : rows) {
            counts.merge(r.status, 1, Integer::sum);
            metered = metered.add(r.meteredCostUsd);
            billed = billed.add(r.billedCostUsd);
            if (!r.mapped && !r.usageTypes.isEmpty()) {
                unmapped.merge(r.usageTypes, r.billedCostUsd, BigDecimal::add);
            }
        }
        b.append("  status:");
        for (ReconciliationStatus s : ReconciliationStatus.values()) {
            b.append(' ').append(s.wireName()).append(' ').append(counts.getOrDefault(s, 0));
        }
        BigDecimal diff = metered.subtract(billed);
        BigDecimal pct = Reconciler.pct(diff, billed);
        b.append("\n  metered $")
                .append(ReconciliationCsv.plain(metered))
                .append(", billed $")
                .append(ReconciliationCsv.plain(billed))
                .append(", difference $")
                .append(ReconciliationCsv.plain(diff))
                .append(pct == null ? "" : " (" + pct.toPlainString() + " %)")
                .append('\n');
        unmapped.forEach(
                (types, cost) ->
                        b.append("  unmapped usage types (add them to the usage-type table): ")
                                .append(types)
                                .append(", billed $")
                                .append(ReconciliationCsv.plain(cost))
                                .append('\n'));
        for (ReconciliationRow r : rows) {
            if (r.status != ReconciliationStatus.MATCH) {
                b.append("  ")
                        .append(r.status.wireName())
                        .append(": ")
                        .append(r.day)
                        .append(' ')
                        .append(r.accountId)
                        .append(' ')
                        .append(r.region)
                        .append(' ')
                        .append(r.modelGroup)
                        .append(r.principal == null ? "" : " " + r.principal)
                        .append(": metered $")
                        .append(ReconciliationCsv.plain(r.meteredCostUsd))
                        .append(", billed $")
                        .append(ReconciliationCsv.plain(r.billedCostUsd))
                        .append(", difference $")
                        .append(ReconciliationCsv.plain(r.differenceUsd))
                        .append(
                                r.differencePct == null
                                        ? ""
                                        : " (" + r.differencePct.toPlainString() + " %)")
                        .append('\n');
            }
        }
        return b.toString();
    }
}
