package com.bedrockusage.job.reconcile;

import com.bedrockusage.pricing.ModelIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares the bill with the meter, per day × account × region × model group × principal.
 *
 * <p>Principals: a group is compared per principal when the bill names the principal of every one
 * of its lines (and the account's bill carries principals that day); otherwise the whole group is
 * compared at once (principal null), so a bill without {@code line_item_iam_principal}, or with
 * some lines lacking it, still reconciles exactly.
 */
public final class Reconciler {

    /** Percentages keep 4 decimals. */
    public static final int PCT_SCALE = 4;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final UsageTypeModels models;
    private final Function<String, String> catalogueModel;
    private final BigDecimal tolerancePct;

    /**
     * @param catalogueModel the catalogue model a logged model id resolves to, null when unknown
     *     (the price catalogue's {@code resolveModel})
     * @param tolerancePct how far (in % of the billed cost) metered may differ and still {@code
     *     match}
     */
    public Reconciler(
            UsageTypeModels models,
            Function<String, String> catalogueModel,
            BigDecimal tolerancePct) {
        this.models = models;
        this.catalogueModel = catalogueModel;
        this.tolerancePct = tolerancePct;
    }

    public List<ReconciliationRow> reconcile(List<CurLine> bill, List<MeteredUsage> metered) {
        Groups groups = new Groups();
        for (CurLine l : bill) {
            String group = models.group(l.productCode, BilledUsageType.parse(l.usageType));
            groups.notePrincipal(l.day, l.accountId, l.region, group, l.principal);
        }
        for (CurLine l : bill) {
            BilledUsageType type = BilledUsageType.parse(l.usageType);
            String group = models.group(l.productCode, type);
            Acc a = groups.acc(l.day, l.accountId, l.region, group, l.principal);
            a.billed = true;
            a.billedAmount = a.billedAmount.add(l.usageAmount);
            a.billedCost = a.billedCost.add(l.unblendedCost);
            a.usageTypes.add(l.usageType);
            a.mapped &= models.model(l.productCode, type) != null;
        }
        for (MeteredUsage m : metered) {
            String model = catalogueModel.apply(m.modelId);
            // a cross-region profile is billed under its model's usage types
            String group = model != null ? ModelIds.stripGeoPrefix(model) : m.modelId;
            Acc a = groups.acc(m.day, m.accountId, m.region, group, m.callerArn);
            a.metered = true;
            a.meteredTokens += m.tokens;
            a.meteredUnpriced += m.unpricedInvocations;
            if (m.costUsd != null) {
                a.meteredCost = a.meteredCost.add(m.costUsd);
            }
        }
        List<ReconciliationRow> rows = new ArrayList<>(groups.accs.size());
        for (Acc a : groups.accs.values()) {
            rows.add(a.toRow());
        }
        return rows;
    }

    /** The accumulators by day × account × region × model group × principal (class comment). */
    private final class Groups {
        final Map<String, Acc> accs = new TreeMap<>();
        final Set<String> accountDaysWithPrincipals = new HashSet<>();
        final Set<String> groupsMissingPrincipal = new HashSet<>();

        /** First pass over the bill: which account days name principals, which groups lack one. */
        void notePrincipal(
                LocalDate day, String account, String region, String group, String principal) {
            if (principal != null) {
                accountDaysWithPrincipals.add(day + "|" + account);
            } else {
                groupsMissingPrincipal.add(groupKey(day, account, region, group));
            }
        }

        /** The accumulator of a bill line or metered row; {@code arn} as the source names it. */
        Acc acc(LocalDate day, String account, String region, String group, String arn) {
            boolean byPrincipal =
                    accountDaysWithPrincipals.contains(day + "|" + account)
                            && !groupsMissingPrincipal.contains(
                                    groupKey(day, account, region, group));
            String principal = byPrincipal ? BilledPrincipals.of(arn) : null;
            String key =
                    groupKey(day, account, region, group)
                            + "|"
                            + (principal == null ? "" : principal);
            return accs.computeIfAbsent(key, k -> new Acc(day, account, region, group, principal));
        }
    }

    private static String groupKey(LocalDate day, String account, String region, String group) {
        return day + "|" + account + "|" + region + "|" + group;
    }

    /** Metered minus billed in % of billed, 4 decimals; null when billed is zero. */
    public static BigDecimal pct(BigDecimal difference, BigDecimal billed) {
        if (billed.signum() == 0) {
            return null;
        }
        return difference.multiply(HUNDRED).divide(billed, PCT_SCALE, RoundingMode.HALF_EVEN);
    }

    ReconciliationStatus status(
            boolean hasMetered, boolean hasBilled, BigDecimal metered, BigDecimal billed) {
        if (!hasBilled) {
            return ReconciliationStatus.METERED_ONLY;
        }
        if (!hasMetered) {
            return ReconciliationStatus.BILLED_ONLY;
        }
        BigDecimal diff = metered.subtract(billed);
        // |diff| <= tolerance % of |billed|, compared exactly
        if (diff.abs().multiply(HUNDRED).compareTo(tolerancePct.multiply(billed.abs())) <= 0) {
            return ReconciliationStatus.MATCH;
        }
        return diff.signum() > 0 ? ReconciliationStatus.OVER : ReconciliationStatus.UNDER;
    }

    private final class Acc {
        final LocalDate day;
        final String account;
        final String region;
        final String group;
        final String principal;
        boolean billed;
        boolean metered;
        boolean mapped = true;
        BigDecimal billedAmount = BigDecimal.ZERO;
        BigDecimal billedCost = BigDecimal.ZERO;
        long meteredTokens;
        long meteredUnpriced;
        BigDecimal meteredCost = BigDecimal.ZERO;
        final Set<String> usageTypes = new TreeSet<>();

        Acc(LocalDate day, String account, String region, String group, String principal) {
            this.day = day;
            this.account = account;
            this.region = region;
            this.group = group;
            this.principal = principal;
        }

        ReconciliationRow toRow() {
            BigDecimal diff = meteredCost.subtract(billedCost);
            return new ReconciliationRow(
                    day,
                    account,
                    region,
                    group,
                    principal,
                    meteredTokens,
                    meteredCost,
                    meteredUnpriced,
                    billedAmount,
                    billedCost,
                    diff,
                    pct(diff, billedCost),
                    status(metered, billed, meteredCost, billedCost),
                    String.join(",", usageTypes),
                    mapped && !group.startsWith(UsageTypeModels.UNMAPPED_PREFIX));
        }
    }
}
