package com.bedrockusage.local.dashboard;

import com.bedrockusage.local.sql.CliArgs;
import com.bedrockusage.local.sql.CliException;
import com.bedrockusage.local.sql.Warehouses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Command line of {@code bin/dashboard} (its help text is {@code dashboard/usage.txt}). */
public record DashboardOptions(
        String warehouse,
        String namespace,
        String bind,
        int port,
        String region,
        String rules,
        String pricing,
        String appPattern,
        int refreshSeconds,
        boolean help) {

    public static final int DEFAULT_PORT = 8050;
    public static final String DEFAULT_BIND = "127.0.0.1";

    static final Set<String> WITH_VALUE =
            Set.of(
                    "--warehouse",
                    "--namespace",
                    "--bind",
                    "--port",
                    "--region",
                    "--rules",
                    "--pricing",
                    "--app-pattern",
                    "--refresh");

    public static DashboardOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        boolean help = false;
        CliArgs a = new CliArgs(args);
        while (a.hasNext()) {
            String option = a.next();
            if (option.equals("-h") || option.equals("--help")) {
                help = true;
            } else if (WITH_VALUE.contains(option)) {
                given.put(option, a.value());
            } else {
                throw a.unknown();
            }
        }
        return new DashboardOptions(
                given.getOrDefault("--warehouse", Warehouses.DEFAULT_WAREHOUSE),
                given.getOrDefault("--namespace", Warehouses.DEFAULT_NAMESPACE),
                given.getOrDefault("--bind", DEFAULT_BIND),
                number(given, "--port", DEFAULT_PORT, 0, 65535),
                given.get("--region"),
                given.get("--rules"),
                given.get("--pricing"),
                given.get("--app-pattern"),
                number(given, "--refresh", 5, 1, 3600),
                help);
    }

    public static String usage() {
        try (InputStream in =
                DashboardOptions.class
                        .getClassLoader()
                        .getResourceAsStream("dashboard/usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(
            Map<String, String> given, String option, int dflt, int min, int max) {
        String s = given.get(option);
        if (s == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CliException(
                option + " needs a whole number from " + min + " to " + max + ", not '" + s + "'");
    }
}
