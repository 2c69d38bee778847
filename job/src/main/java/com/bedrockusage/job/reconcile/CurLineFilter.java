package com.bedrockusage.job.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Turns one export row (column name → text) into a {@link CurLine}, or counts why it is left out.
 */
final class CurLineFilter {

    /**
     * Longer cells are not Bedrock line items; refusing them bounds what a hostile file can make us
     * hold.
     */
    private static final int MAX_CELL = 2048;

    private final UsageTypeModels models;
    private final LocalDate from;
    private final LocalDate toExclusive;

    CurLineFilter(UsageTypeModels models, LocalDate from, LocalDate toExclusive) {
        this.models = models;
        this.from = from;
        this.toExclusive = toExclusive;
    }

    void accept(Map<String, String> row, String where, CurRead read) {
        String product = cell(row, CurColumns.PRODUCT_CODE);
        if (product == null || !models.isBedrock(product)) {
            read.otherProducts++;
            return;
        }
        String type = cell(row, CurColumns.LINE_ITEM_TYPE);
        if (type != null && !type.equals("Usage")) {
            read.notUsage++;
            return;
        }
        String start = cell(row, CurColumns.USAGE_START_DATE);
        String account = cell(row, CurColumns.USAGE_ACCOUNT_ID);
        String usageType = cell(row, CurColumns.USAGE_TYPE);
        LocalDate day = day(start);
        BigDecimal amount = decimal(cell(row, CurColumns.USAGE_AMOUNT));
        BigDecimal cost = decimal(cell(row, CurColumns.UNBLENDED_COST));
        if (day == null
                || account == null
                || usageType == null
                || amount == null
                || cost == null
                || tooLong(row)) {
            read.problem(
                    where
                            + ": unreadable Bedrock line (date '"
                            + start
                            + "', account '"
                            + account
                            + "', usage type '"
                            + usageType
                            + "', amount or cost not a number, or a cell over "
                            + MAX_CELL
                            + " characters)");
            return;
        }
        if (day.isBefore(from) || !day.isBefore(toExclusive)) {
            read.outOfRange++;
            return;
        }
        String region = cell(row, CurColumns.REGION_CODE);
        read.lines.add(
                new CurLine(
                        day,
                        account,
                        product,
                        usageType,
                        amount,
                        cost,
                        region == null ? "" : region,
                        cell(row, CurColumns.RESOURCE_ID),
                        cell(row, CurColumns.IAM_PRINCIPAL)));
    }

    private static boolean tooLong(Map<String, String> row) {
        for (String v : row.values()) {
            if (v != null && v.length() > MAX_CELL) {
                return true;
            }
        }
        return false;
    }

    private static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    /**
     * The UTC day of {@code 2026-11-03T00:00:00Z}, {@code 2026-11-03 00:00:00.000} or {@code
     * 2026-11-03}.
     */
    static LocalDate day(String s) {
        if (s == null || s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static BigDecimal decimal(String s) {
        if (s == null || s.length() > 64) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
