package com.bedrockusage.local.sql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A command line read one option at a time, for the tools' option parsers:
 *
 * <pre>
 *   CliArgs a = new CliArgs(args);
 *   while (a.hasNext()) {
 *       switch (a.next()) {
 *           case "--out" -&gt; out = a.value();
 *           default -&gt; throw a.unknown();
 *       }
 *   }
 * </pre>
 */
public final class CliArgs {

    private final String[] args;
    private int next;
    private String option;

    public CliArgs(String[] args) {
        this.args = args;
    }

    public boolean hasNext() {
        return next < args.length;
    }

    /** The next option. */
    public String next() {
        option = args[next++];
        return option;
    }

    /**
     * The current option's value, the argument after it; missing or empty is the user's mistake.
     */
    public String value() {
        return CliException.valueOf(args, next++, option);
    }

    /** The current option's value as a day. */
    public LocalDate date() {
        String s = value();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new CliException(option + " must be YYYY-MM-DD, not '" + s + "'");
        }
    }

    /** The error for an option the tool does not know. */
    public CliException unknown() {
        return new CliException("unknown option '" + option + "' (see --help)");
    }
}
