package com.bedrockusage.local.report;

import com.bedrockusage.job.report.DailyReportCsv;
import java.math.BigDecimal;
import java.util.List;

/**
 * FOCUS rows as CSV: the FOCUS column ids as header, ISO-8601 UTC times, exact plain decimals,
 * empty for null.
 */
public final class FocusCsv {

    public static final List<String> COLUMNS =
            List.of(
                    "ChargePeriodStart",
                    "ChargePeriodEnd",
                    "BillingCurrency",
                    "ListCost",
                    "EffectiveCost",
                    "ListUnitPrice",
                    "PricingQuantity",
                    "PricingUnit",
                    "ConsumedQuantity",
                    "ConsumedUnit",
                    "ServiceName",
                    "ServiceCategory",
                    "ProviderName",
                    "RegionId",
                    "SubAccountId",
                    "ResourceId",
                    "ChargeCategory",
                    "ChargeDescription",
                    "Tags",
                    "x_Caller",
                    "x_TokenClass",
                    "x_CacheTTL",
                    "x_ServiceTier");

    private FocusCsv() {}

    public static String of(List<FocusRow> rows) {
        StringBuilder b =
                new StringBuilder(String.join(",", COLUMNS)).append(DailyReportCsv.LINE_END);
        for (FocusRow r : rows) {
            List<Object> v = values(r);
            for (int i = 0; i < v.size(); i++) {
                b.append(i == 0 ? "" : ",").append(text(v.get(i)));
            }
            b.append(DailyReportCsv.LINE_END);
        }
        return b.toString();
    }

    /** The row's values in {@link #COLUMNS} order. */
    public static List<Object> values(FocusRow r) {
        return java.util.Arrays.asList(
                r.chargePeriodStart(),
                r.chargePeriodEnd(),
                FocusRow.BILLING_CURRENCY,
                r.listCost(),
                r.effectiveCost(),
                r.listUnitPrice(),
                r.pricingQuantity(),
                FocusRow.PRICING_UNIT,
                r.consumedQuantity(),
                FocusRow.CONSUMED_UNIT,
                FocusRow.SERVICE_NAME,
                FocusRow.SERVICE_CATEGORY,
                FocusRow.PROVIDER_NAME,
                r.regionId(),
                r.subAccountId(),
                r.resourceId(),
                FocusRow.CHARGE_CATEGORY,
                r.chargeDescription(),
                null,
                r.caller(),
                r.tokenClass(),
                r.cacheTtl(),
                r.serviceTier());
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        return DailyReportCsv.escape(v.toString());
    }
}
