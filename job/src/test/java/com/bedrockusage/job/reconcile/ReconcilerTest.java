package com.bedrockusage.job.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.pricing.PriceCatalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-03");
    static final String A = "111111111111";
    static final String B = "222222222222";
    static final String CHECKOUT_ROLE = "arn:aws:iam::" + A + ":role/Checkout-BedrockRole";
    static final String CHECKOUT_SESSION =
            "arn:aws:sts::" + A + ":assumed-role/Checkout-BedrockRole/i-0abc";
    static final String ALICE = "arn:aws:iam::" + A + ":user/alice";
    static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";
    static final String OPUS = "anthropic.claude-opus-4-6-v1";

    private final Reconciler reconciler =
            new Reconciler(
                    UsageTypeModels.builtIn(),
                    PriceCatalog.defaultCatalog()::resolveModel,
                    new BigDecimal("1"));

    @Test
    void matchesPerBilledPrincipalWithSessionsFoldedIntoTheirRole() {
        List<ReconciliationRow> rows =
                reconciler.reconcile(
                        List.of(
                                line(
                                        A,
                                        "USE1-Claude4.5Sonnet-input-tokens",
                                        "1000",
                                        "0.003",
                                        CHECKOUT_ROLE),
                                line(
                                        A,
                                        "USE1-Claude4.5Sonnet-output-tokens",
                                        "100",
                                        "0.0015",
                                        CHECKOUT_ROLE)),
                        List.of(metered(A, CHECKOUT_SESSION, "us." + SONNET, 1100, "0.0045")));
        assertThat(rows).hasSize(1);
        ReconciliationRow r = rows.get(0);
        assertThat(r.status).isEqualTo(ReconciliationStatus.MATCH);
        assertThat(r.modelGroup).isEqualTo(SONNET);
        assertThat(r.principal).isEqualTo(CHECKOUT_ROLE);
        assertThat(r.meteredTokens).isEqualTo(1100);
        assertThat(r.billedUsageAmount).isEqualByComparingTo("1100");
        assertThat(r.billedCostUsd).isEqualByComparingTo("0.0045");
        assertThat(r.differenceUsd).isEqualByComparingTo("0");
        assertThat(r.differencePct).isEqualByComparingTo("0");
        assertThat(r.usageTypes)
                .isEqualTo("USE1-Claude4.5Sonnet-input-tokens,USE1-Claude4.5Sonnet-output-tokens");
        assertThat(r.mapped).isTrue();
    }

    @Test
    void everyStatusWithExactAmounts() {
        List<CurLine> bill =
                List.of(
                        line(A, "USE1-Claude4.5Haiku-output-tokens", "200000", "1.10", ALICE),
                        line(A, "USE1-Claude4.6Opus-input-tokens", "100000", "2.00", ALICE),
                        line(A, "USE1-Claude9Ultra-input-tokens", "5", "0.25", ALICE),
                        line(A, "USE1-Claude4.5Sonnet-input-tokens", "1000", "100", ALICE),
                        line(B, "USE1-Claude4.5Sonnet-input-tokens", "1000", "100", null));
        List<MeteredUsage> meter =
                List.of(
                        metered(A, ALICE, HAIKU, 200000, "1.00"),
                        metered(A, ALICE, "amazon.nova-lite-v1:0", 10, "0.5"),
                        metered(A, ALICE, SONNET, 1000, "100.9"),
                        metered(B, "arn:aws:iam::" + B + ":user/bob", SONNET, 1000, "101.1"));
        Map<String, ReconciliationRow> rows = byGroup(reconciler.reconcile(bill, meter));

        assertRow(
                rows.get(A + " " + HAIKU),
                ReconciliationStatus.UNDER,
                "1.00",
                "1.10",
                "-0.10",
                "-9.0909");
        assertRow(
                rows.get(A + " " + OPUS),
                ReconciliationStatus.BILLED_ONLY,
                "0",
                "2.00",
                "-2.00",
                "-100.0000");
        assertRow(
                rows.get(A + " amazon.nova-lite-v1:0"),
                ReconciliationStatus.METERED_ONLY,
                "0.5",
                "0",
                "0.5",
                null);
        assertRow(
                rows.get(A + " " + SONNET),
                ReconciliationStatus.MATCH,
                "100.9",
                "100",
                "0.9",
                "0.9000");
        assertRow(
                rows.get(B + " " + SONNET),
                ReconciliationStatus.OVER,
                "101.1",
                "100",
                "1.1",
                "1.1000");

        ReconciliationRow unknown = rows.get(A + " usage-type:Claude9Ultra");
        assertRow(unknown, ReconciliationStatus.BILLED_ONLY, "0", "0.25", "-0.25", "-100.0000");
        assertThat(unknown.mapped).isFalse();
        assertThat(unknown.usageTypes).isEqualTo("USE1-Claude9Ultra-input-tokens");
        // account B's bill names no principals: its rows cover all callers
        assertThat(rows.get(B + " " + SONNET).principal).isNull();
        assertThat(rows.get(A + " " + HAIKU).principal).isEqualTo(ALICE);
    }

    @Test
    void aGroupWithALineLackingItsPrincipalIsComparedWhole() {
        List<CurLine> bill =
                List.of(
                        line(A, "USE1-Claude4.5Sonnet-input-tokens", "1000", "0.30", CHECKOUT_ROLE),
                        line(A, "USE1-Claude4.5Sonnet-output-tokens", "100", "0.20", null),
                        line(A, "USE1-Claude4.5Haiku-input-tokens", "100", "0.10", ALICE));
        List<MeteredUsage> meter =
                List.of(
                        metered(A, CHECKOUT_SESSION, SONNET, 1000, "0.30"),
                        metered(A, ALICE, SONNET, 100, "0.20"),
                        metered(A, ALICE, HAIKU, 100, "0.10"));
        List<ReconciliationRow> rows = reconciler.reconcile(bill, meter);
        assertThat(rows)
                .extracting(r -> r.modelGroup + " " + r.principal + " " + r.status.wireName())
                .containsExactly(HAIKU + " " + ALICE + " match", SONNET + " null match");
        assertThat(rows.get(1).meteredCostUsd).isEqualByComparingTo("0.50");
        assertThat(rows.get(1).billedCostUsd).isEqualByComparingTo("0.50");
    }

    @Test
    void unpricedMeteredUsageIsNotCountedAsFreeButAsUnpriced() {
        List<ReconciliationRow> rows =
                reconciler.reconcile(
                        List.of(line(A, "USE1-Claude4.5Haiku-input-tokens", "100", "0.10", ALICE)),
                        List.of(new MeteredUsage(DAY, A, "us-east-1", ALICE, HAIKU, 100, null, 3)));
        assertThat(rows.get(0).status).isEqualTo(ReconciliationStatus.UNDER);
        assertThat(rows.get(0).meteredUnpricedInvocations).isEqualTo(3);
    }

    @Test
    void accountDayDeltasSumTheRows() {
        List<ReconciliationRow> rows =
                reconciler.reconcile(
                        List.of(
                                line(A, "USE1-Claude4.5Haiku-input-tokens", "100", "1.00", ALICE),
                                line(A, "USE1-Claude4.6Opus-input-tokens", "100", "1.00", ALICE)),
                        List.of(metered(A, ALICE, HAIKU, 100, "1.05")));
        List<AccountDayDelta> deltas = AccountDayDelta.of(rows);
        assertThat(deltas).hasSize(1);
        assertThat(deltas.get(0).meteredCostUsd).isEqualByComparingTo("1.05");
        assertThat(deltas.get(0).billedCostUsd).isEqualByComparingTo("2.00");
        assertThat(deltas.get(0).absPct()).isEqualByComparingTo("47.5");
    }

    static void assertRow(
            ReconciliationRow r,
            ReconciliationStatus status,
            String metered,
            String billed,
            String diff,
            String pct) {
        assertThat(r).isNotNull();
        assertThat(r.status).as(r.toString()).isEqualTo(status);
        assertThat(r.meteredCostUsd).as(r.toString()).isEqualByComparingTo(metered);
        assertThat(r.billedCostUsd).as(r.toString()).isEqualByComparingTo(billed);
        assertThat(r.differenceUsd).as(r.toString()).isEqualByComparingTo(diff);
        if (pct == null) {
            assertThat(r.differencePct).isNull();
        } else {
            assertThat(r.differencePct).as(r.toString()).isEqualTo(new BigDecimal(pct));
        }
    }

    static Map<String, ReconciliationRow> byGroup(List<ReconciliationRow> rows) {
        return rows.stream()
                .collect(
                        Collectors.toMap(
                                r -> r.accountId + " " + r.modelGroup, Function.identity()));
    }

    static CurLine line(
            String account, String usageType, String amount, String cost, String principal) {
        return new CurLine(
                DAY,
                account,
                "AmazonBedrock",
                usageType,
                new BigDecimal(amount),
                new BigDecimal(cost),
                "us-east-1",
                null,
                principal);
    }

    static MeteredUsage metered(
            String account, String caller, String model, long tokens, String cost) {
        return new MeteredUsage(
                DAY, account, "us-east-1", caller, model, tokens, new BigDecimal(cost), 0);
    }

    static List<CurLine> mutable(List<CurLine> l) {
        return new ArrayList<>(l);
    }
}
