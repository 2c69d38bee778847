package com.bedrockusage.job.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metered and billed cost of one account on one day, over all its reconciliation rows: what the
 * alert metric {@code reconciliation_delta_pct} measures (|metered − billed| in % of billed).
 */
public final class AccountDayDelta {

    public final LocalDate day;
    public final String accountId;
    public BigDecimal meteredCostUsd = BigDecimal.ZERO;
    public BigDecimal billedCostUsd = BigDecimal.ZERO;

    private AccountDayDelta(LocalDate day, String accountId) {
        this.day = day;
        this.accountId = accountId;
    }

    public static AccountDayDelta of(
            LocalDate day, String accountId, BigDecimal metered, BigDecimal billed) {
        AccountDayDelta d = new AccountDayDelta(day, accountId);
        d.meteredCostUsd = metered;
        d.billedCostUsd = billed;
        return d;
    }

    public static List<AccountDayDelta> of(List<ReconciliationRow> rows) {
        Map<String, AccountDayDelta> byKey = new TreeMap<>();
        for (ReconciliationRow r : rows) {
            AccountDayDelta d =
                    byKey.computeIfAbsent(
                            r.day + "|" + r.accountId,
                            k -> new AccountDayDelta(r.day, r.accountId));
            d.meteredCostUsd = d.meteredCostUsd.add(r.meteredCostUsd);
            d.billedCostUsd = d.billedCostUsd.add(r.billedCostUsd);
        }
        return new ArrayList<>(byKey.values());
    }

    public BigDecimal differenceUsd() {
        return meteredCostUsd.subtract(billedCostUsd);
    }

    /**
     * |metered − billed| in % of billed, 4 decimals. With nothing billed: 0 when nothing was
     * metered either, else null (no percentage; an alert rule treats it as beyond any threshold).
     */
    public BigDecimal absPct() {
        BigDecimal pct = Reconciler.pct(differenceUsd(), billedCostUsd);
        if (pct == null) {
            return meteredCostUsd.signum() == 0
                    ? BigDecimal.ZERO.setScale(Reconciler.PCT_SCALE)
                    : null;
        }
        return pct.abs();
    }
}
