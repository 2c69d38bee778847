package com.bedrockusage.job.sink;

import static com.bedrockusage.job.testing.Invocations.priced;
import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.model.Invocation;
import com.bedrockusage.job.usage.UsageAccumulator;
import com.bedrockusage.job.usage.UsageKey;
import com.bedrockusage.job.usage.UsageRow;
import java.math.BigDecimal;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

class ToRowMoneyTest {

    private static final int COST_USD = 18;
    private static final int USAGE_COST_USD = 11;

    @Test
    void shouldWriteACostWithMoreThanTwelveDecimalsRoundedHalfEvenInsteadOfThrowing() {
        Invocation call = priced("r1", 0L, "0.0000026666667", null);
        Invocation half = priced("r2", 0L, "0.0000000000025", null);

        RowData row = new InvocationToRow(Tables.invocations()).map(call);
        RowData halfRow = new InvocationToRow(Tables.invocations()).map(half);

        assertThat(row.getDecimal(COST_USD, 38, 12).toBigDecimal())
                .isEqualTo(new BigDecimal("0.000002666667"));
        assertThat(halfRow.getDecimal(COST_USD, 38, 12).toBigDecimal())
                .isEqualTo(new BigDecimal("0.000000000002"));
    }

    @Test
    void shouldWriteExactlyTwelveDecimalsForAnAlreadyRoundedCost() {
        RowData row =
                new InvocationToRow(Tables.invocations()).map(priced("r1", 0L, "0.00118", null));

        assertThat(row.getDecimal(COST_USD, 38, 12).toBigDecimal())
                .isEqualTo(new BigDecimal("0.001180000000"));
    }

    @Test
    void shouldWriteNullRatherThanThrowForASumBeyondDecimal38And12() {
        UsageAccumulator acc = new UsageAccumulator().add(priced("r1", 0L, "1E+26", null));
        UsageRow usage =
                UsageRow.of(UsageKey.of(priced("r1", 0L, "0", null)), 0L, "daily", acc, false);

        RowData row = new UsageToRow(Tables.usage(Tables.USAGE_DAILY)).map(usage);

        assertThat(row.isNullAt(USAGE_COST_USD)).isTrue();
    }
}
