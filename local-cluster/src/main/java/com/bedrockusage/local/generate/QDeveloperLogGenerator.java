package com.bedrockusage.local.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * {@code generate-logs --q-developer-users N}: Amazon Q Developer prompt logs in AWS's layout and
 * record shapes (chat, inline, {@code /dev}; docs/q-developer.md), a user-activity report per day,
 * and the ground truth in {@code expected-q-developer.json}: per user and UTC day the unique events
 * by kind and their tokens counted with jtokkit ({@code cl100k_base}), as the job estimates them. A
 * few records are delivered twice (not in the truth twice).
 */
final class QDeveloperLogGenerator {

    static final String TRUTH_FILE = "expected-q-developer.json";
    static final String REGION = "us-east-1";
    private static final String[] WORDS = {
        "bucket",
        "lambda",
        "handler",
        "function",
        "return",
        "const",
        "let",
        "await",
        "s3.putObject",
        "if (err)",
        "{",
        "}",
        ";",
        "for",
        "items",
        "map",
        "the",
        "cache",
        "retry",
        "timeout",
        "DynamoDB",
        "table",
        "query",
        "why",
        "does",
        "this",
        "fail",
        "unit test",
        "refactor",
        "\n"
    };

    private final GeneratorOptions options;
    private final Random random;
    private final Encoding tokenizer =
            Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private final Map<String, long[]> truth =
            new TreeMap<>(); // account|user|day -> chat, inline, dev, in, out, lines

    QDeveloperLogGenerator(GeneratorOptions options) {
        this.options = options;
        this.random = new Random(options.seed() ^ 0x51DE7L);
    }

    /**
     * @return unique events written
     */
    long write(Path out, List<String> accounts) throws IOException {
        Instant start = options.start();
        long hours = Math.max(1, (long) Math.ceil(options.hours()));
        long events = 0;
        int sequence = 0;
        for (int u = 0; u < options.qDeveloperUsers(); u++) {
            String account = accounts.get(u % accounts.size());
            String user =
                    String.format(
                            "d-9067c2a1b4.%08x-demo-%02d", (int) (options.seed() & 0xffffffffL), u);
            String conversation = "conv-" + u + "-" + random.nextInt(1_000_000);
            for (long h = 0; h < hours; h++) {
                Instant hour = start.plus(Duration.ofHours(h));
                List<String> chat = new ArrayList<>();
                List<String> inline = new ArrayList<>();
                List<String> dev = new ArrayList<>();
                int chats = random.nextInt(4);
                int inlines = random.nextInt(7);
                int devs = random.nextInt(10) < 3 ? 1 : 0;
                for (int i = 0; i < chats + inlines + devs; i++) {
                    Instant t = hour.plusMillis(random.nextInt(3_600_000));
                    if (t.isAfter(
                            start.plus(Duration.ofMillis((long) (options.hours() * 3_600_000))))) {
                        continue;
                    }
                    String id =
                            String.format(
                                    "q%08x-%06d", (int) (options.seed() & 0xffffffffL), sequence++);
                    String prompt = text(5 + random.nextInt(60));
                    String response = text(random.nextInt(200));
                    long[] day =
                            truth.computeIfAbsent(
                                    account + "|" + user + "|" + t.toString().substring(0, 10),
                                    k -> new long[6]);
                    if (i < chats) {
                        chat.add(chat(user, id, t, conversation, prompt, response));
                        day[0]++;
                        day[3] += tokens(prompt);
                        day[4] += tokens(response);
                    } else if (i < chats + inlines) {
                        inline.add(inline(user, id, t, prompt, response));
                        day[1]++;
                        day[3] += tokens(prompt);
                        day[4] += tokens(response);
                    } else {
                        dev.add(dev(user, id, t, conversation + "-dev", prompt));
                        day[2]++;
                        day[3] += tokens(prompt);
                    }
                    events++;
                }
                String stamp = hour.toString().replaceAll("[-:]", "").substring(0, 13) + "Z";
                file(
                        out,
                        account,
                        "GenerateAssistantResponse",
                        hour,
                        account + "_chat_" + stamp + "_" + u,
                        chat);
                file(
                        out,
                        account,
                        "GenerateCompletions",
                        hour,
                        account + "_inline_" + stamp + "_" + u,
                        inline);
                file(
                        out,
                        account,
                        "StartTaskAssistCodeGeneration",
                        hour,
                        account + "_dev_" + stamp + "_" + u,
                        dev);
                if (!chat.isEmpty() && random.nextInt(10) == 0) { // re-delivered: dedup drops it
                    file(
                            out,
                            account,
                            "GenerateAssistantResponse",
                            hour,
                            account + "_chat_" + stamp + "_" + u + "_again",
                            chat);
                }
            }
        }
        reports(out);
        writeTruth(out.resolve(TRUTH_FILE));
        return events;
    }

    /**
     * One activity report per account and day with users: transformation lines and inline accept
     * counts.
     */
    private void reports(Path out) throws IOException {
        Map<String, StringBuilder> files = new TreeMap<>();
        for (Map.Entry<String, long[]> e : truth.entrySet()) {
            String[] k = e.getKey().split("\\|");
            long lines = random.nextInt(300);
            long accepted = e.getValue()[1] == 0 ? 0 : random.nextInt((int) e.getValue()[1] + 1);
            e.getValue()[5] = lines;
            files.computeIfAbsent(
                            k[0] + "|" + k[2],
                            x ->
                                    new StringBuilder(
                                            "UserId,Date,Chat_MessagesSent,Inline_SuggestionsCount,Inline_AcceptanceCount,"
                                                    + "Dev_GenerationEventCount,Transformation_LinesIngested\n"))
                    .append(k[1])
                    .append(',')
                    .append(k[2])
                    .append(',')
                    .append(2 * e.getValue()[0])
                    .append(',')
                    .append(e.getValue()[1])
                    .append(',')
                    .append(accepted)
                    .append(',')
                    .append(e.getValue()[2])
                    .append(',')
                    .append(lines)
                    .append('\n');
        }
        for (Map.Entry<String, StringBuilder> f : files.entrySet()) {
            String[] k = f.getKey().split("\\|");
            ZonedDateTime next =
                    Instant.parse(k[1] + "T00:00:00Z").atZone(ZoneOffset.UTC).plusDays(1);
            Path dir =
                    out.resolve(
                            String.format(
                                    "AWSLogs/%s/QDeveloperLogs/by_user_analytic/%s/%04d/%02d/%02d/00",
                                    k[0],
                                    REGION,
                                    next.getYear(),
                                    next.getMonthValue(),
                                    next.getDayOfMonth()));
            Files.createDirectories(dir);
            Files.write(
                    dir.resolve(
                            k[0] + "_by_user_analytic_" + next.toInstant().toEpochMilli() + ".csv"),
                    f.getValue().toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void file(
            Path out,
            String account,
            String logType,
            Instant hour,
            String name,
            List<String> records)
            throws IOException {
        if (records.isEmpty()) {
            return;
        }
        ZonedDateTime h = hour.atZone(ZoneOffset.UTC);
        Path dir =
                out.resolve(
                        String.format(
                                "AWSLogs/%s/QDeveloperLogs/%s/%s/%04d/%02d/%02d/%02d",
                                account,
                                logType,
                                REGION,
                                h.getYear(),
                                h.getMonthValue(),
                                h.getDayOfMonth(),
                                h.getHour()));
        Files.createDirectories(dir);
        try (OutputStream o =
                new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".json.gz")))) {
            o.write(
                    ("{\"records\": [" + String.join(", ", records) + "]}")
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void writeTruth(Path file) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("tokenizer", "jtokkit cl100k_base");
        ArrayNode days = root.putArray("user_days");
        long[] total = new long[6];
        for (Map.Entry<String, long[]> e : truth.entrySet()) {
            String[] k = e.getKey().split("\\|");
            long[] v = e.getValue();
            ObjectNode d = days.addObject();
            d.put("account_id", k[0])
                    .put("user_id", k[1])
                    .put("day", k[2])
                    .put("chat_events", v[0])
                    .put("inline_events", v[1])
                    .put("dev_events", v[2])
                    .put("input_tokens", v[3])
                    .put("output_tokens", v[4])
                    .put("transformation_lines", v[5]);
            for (int i = 0; i < 6; i++) {
                total[i] += v[i];
            }
        }
        root.putObject("total")
                .put("chat_events", total[0])
                .put("inline_events", total[1])
                .put("dev_events", total[2])
                .put("input_tokens", total[3])
                .put("output_tokens", total[4])
                .put("transformation_lines", total[5]);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), root);
    }

    private long tokens(String text) {
        return tokenizer.countTokensOrdinary(text);
    }

    private String text(int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return b.toString();
    }

    private static String chat(
            String user,
            String id,
            Instant t,
            String conversation,
            String prompt,
            String response) {
        return "{\"generateAssistantResponseEventRequest\": {\"prompt\": "
                + json(prompt)
                + ", \"chatTriggerType\": \"MANUAL\", "
                + requestEnd(user, t)
                + ", \"generateAssistantResponseEventResponse\": {\"assistantResponse\": "
                + json(response)
                + ", \"followupPrompts\": \"\", \"messageMetadata\": {\"conversationId\": \""
                + conversation
                + "\", \"utteranceId\": null}, \"codeReferenceEvents\": [], \"requestId\": \""
                + id
                + "\"}}";
    }

    private static String inline(
            String user, String id, Instant t, String left, String completion) {
        return "{\"generateCompletionsEventRequest\": {\"leftContext\": "
                + json(left)
                + ", \"rightContext\": \"\", \"fileName\": \"app.ts\", "
                + requestEnd(user, t)
                + ", \"generateCompletionsEventResponse\": {\"completions\": ["
                + json(completion)
                + "], \"requestId\": \""
                + id
                + "\"}}";
    }

    private static String dev(
            String user, String id, Instant t, String conversation, String prompt) {
        return "{\"startTaskAssistCodeGenerationEventRequest\": {\"prompt\": "
                + json(prompt)
                + ", \"chatTriggerType\": \"MANUAL\", \"conversationId\": \""
                + conversation
                + "\", "
                + requestEnd(user, t)
                + ", \"startTaskAssistCodeGenerationEventResponse\": {\"requestId\": \""
                + id
                + "\"}}";
    }

    /** The fields every kind of request ends with (who asked and when), closing the request. */
    private static String requestEnd(String user, Instant t) {
        return "\"customizationArn\": null, \"userId\": \""
                + user
                + "\", \"timeStamp\": \""
                + t
                + "\"}";
    }

    private static String json(String s) {
        return JsonNodeFactory.instance.textNode(s).toString();
    }
}
