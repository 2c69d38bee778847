package com.bedrockusage.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixCellTest {

    @Test
    void shouldHaveTwelveCellsWithTheLatencyTail() {
        List<MatrixCell> cells = MatrixCell.all();

        assertThat(cells).hasSize(12).doesNotHaveDuplicates();
        assertThat(cells).allSatisfy(c -> assertThat(c.generatorArgs()).contains("--latency-tail"));
        assertThat(cells.get(0).name()).isEqualTo("1kb-converse-3");
        assertThat(cells.get(11).name()).isEqualTo("16kb-stream-300");
    }

    @Test
    void shouldSelectCellsByName() {
        assertThat(MatrixCell.select("4kb-stream-300,1kb-converse-3, 4kb-stream-300"))
                .containsExactly(
                        new MatrixCell(4, "stream", 300), new MatrixCell(1, "converse", 3));
        assertThat(MatrixCell.select("all")).hasSize(12);
        assertThat(new MatrixCell(16, "converse", 300).generatorArgs())
                .containsExactly(
                        "--body-kb",
                        "16",
                        "--mix",
                        "converse",
                        "--accounts",
                        "300",
                        "--latency-tail");
    }

    @Test
    void shouldNameTheCellsWhenOneIsUnknown() {
        assertThatThrownBy(() -> MatrixCell.select("8kb-stream-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "unknown cell '8kb-stream-3': the cells are 1kb-converse-3,");
        assertThatThrownBy(() -> MatrixCell.select(" , "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSizeACellByBytesOrCallsWhicheverComesFirst() {
        MatrixData.Sizing sizing = new MatrixData.Sizing(1_600_000_000L, 500_000, 60_000);

        // 16 KB bodies: the bytes come first
        assertThat(sizing.calls(40_000)).isEqualTo(40_000);
        assertThat(sizing.calls(11_424)).isEqualTo(141_000);
        // 1 KB bodies: the calls come first
        assertThat(sizing.calls(3_184)).isEqualTo(500_000);
        assertThat(sizing.hours(90_000)).isEqualTo("1.500000");
    }

    @Test
    void shouldWriteARecipeThatChangesWithTheSizing() {
        MatrixCell cell = new MatrixCell(4, "stream", 3);
        String recipe = MatrixData.recipe(cell, new MatrixData.Sizing(1_000_000, 10, 60_000));

        assertThat(recipe)
                .contains("cell=4kb-stream-3", "start=2026-11-01T00:00:00Z", "--latency-tail");
        assertThat(MatrixData.recipe(cell, new MatrixData.Sizing(2_000_000, 10, 60_000)))
                .isNotEqualTo(recipe);
    }
}
