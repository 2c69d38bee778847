package com.bedrockusage.local.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Test helper: runs the generator into a directory and reads back what it wrote. */
public final class GeneratedLogs {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One line of one delivered log file. */
    record Line(Path file, String text, JsonNode json) {}

    private GeneratedLogs() {}

    /**
     * Where the calls start unless a test says otherwise: fixed, so a seed gives the same bytes on
     * every run.
     */
    static final String FIXED_START = "2026-11-01T00:00:00Z";

    public static GenerateLogs.Result generate(Path out, String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--out", out.toString()));
        args.addAll(List.of(extraArgs));
        if (!args.contains("--start")) {
            args.addAll(List.of("--start", FIXED_START));
        }
        return GenerateLogs.generate(GeneratorOptions.parse(args.toArray(String[]::new)));
    }

    /** Every delivered log file (not the offloaded-body objects under data/), sorted by path. */
    static List<Path> logFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out.resolve("AWSLogs"))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getParent().getFileName().toString().equals("data"))
                    .sorted()
                    .toList();
        }
    }

    static List<Line> lines(Path out) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Path file : logFiles(out)) {
            for (String text : gunzipLines(file)) {
                lines.add(new Line(out.relativize(file), text, MAPPER.readTree(text)));
            }
        }
        return lines;
    }

    static List<String> gunzipLines(Path file) {
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file)),
                                StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected(Path out) throws IOException {
        return MAPPER.readTree(out.resolve("expected-totals.json").toFile());
    }
}
