package com.bedrockusage.local.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One data shape of the throughput matrix: body size × operation mix × accounts, every cell with
 * the heavy latency tail. Named like {@code 4kb-stream-300}.
 */
record MatrixCell(int bodyKb, String mix, int accounts) {

    static final List<Integer> BODY_KB = List.of(1, 4, 16);
    static final List<String> MIXES = List.of("converse", "stream");
    static final List<Integer> ACCOUNTS = List.of(3, 300);

    private static final Pattern NAME = Pattern.compile("(\\d+)kb-([a-z]+)-(\\d+)");

    String name() {
        return bodyKb + "kb-" + mix + "-" + accounts;
    }

    /** The {@code generate-logs} options of the cell's shape (size and dates come separately). */
    List<String> generatorArgs() {
        return List.of(
                "--body-kb",
                Integer.toString(bodyKb),
                "--mix",
                mix,
                "--accounts",
                Integer.toString(accounts),
                "--latency-tail");
    }

    static List<MatrixCell> all() {
        List<MatrixCell> cells = new ArrayList<>();
        for (int body : BODY_KB) {
            for (String mix : MIXES) {
                for (int accounts : ACCOUNTS) {
                    cells.add(new MatrixCell(body, mix, accounts));
                }
            }
        }
        return cells;
    }

    /**
     * @param names {@code all}, or cell names separated by commas
     */
    static List<MatrixCell> select(String names) {
        if (names.equals("all")) {
            return all();
        }
        Set<MatrixCell> cells = new LinkedHashSet<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                cells.add(parse(name.trim()));
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cells in '" + names + "'");
        }
        return List.copyOf(cells);
    }

    static MatrixCell parse(String name) {
        Matcher m = NAME.matcher(name);
        if (m.matches()) {
            MatrixCell cell =
                    new MatrixCell(
                            Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
            if (all().contains(cell)) {
                return cell;
            }
        }
        List<String> names = new ArrayList<>();
        all().forEach(c -> names.add(c.name()));
        throw new IllegalArgumentException(
                "unknown cell '" + name + "': the cells are " + String.join(", ", names));
    }
}
