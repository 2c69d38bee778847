package com.bedrockusage.local.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command-line tool in-process and captures what it prints. */
public record CliRun(int exit, String out, String err) {

    /** A tool's in-process entry point, such as {@code ReportRunner::run}. */
    public interface Tool {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    public static CliRun of(Tool tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                tool.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(
                exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun sqlWithInput(String stdin, String... args) {
        return of(
                (a, out, err) ->
                        SqlRunner.run(
                                a,
                                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                                out,
                                err),
                args);
    }

    public static CliRun sql(String... args) {
        return sqlWithInput("", args);
    }
}
