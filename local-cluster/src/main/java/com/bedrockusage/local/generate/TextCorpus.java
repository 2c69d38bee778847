package com.bedrockusage.local.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Prompt and response text, already escaped for a JSON string, built once per run. Bodies are
 * slices of it cut at token boundaries (never inside an escape or a multi-byte character), so
 * producing a gigabyte of text costs little more than array copies. The corpus is larger than
 * deflate's 32 KB window, so slices do not compress unrealistically well.
 */
final class TextCorpus {

    private static final String[] WORDS =
            ("the a an of to and in for on with as by at from that this these those is are was were be been "
                            + "it its we you they our your their model request response token tokens latency cost invoice "
                            + "account region profile cache prompt answer summary customer order shipment refund policy "
                            + "search query index document retrieval context window embedding vector result results data "
                            + "pipeline stream window checkpoint watermark record records partition shard table snapshot "
                            + "please explain compare list describe summarize translate classify extract rewrite draft "
                            + "quickly carefully briefly clearly exactly roughly usually rarely never always sometimes "
                            + "important relevant accurate helpful concise detailed specific general technical legal "
                            + "medical financial quarterly monthly daily hourly revenue margin forecast budget team "
                            + "engineer analyst manager support ticket incident outage deployment release feature bug "
                            + "customer's user's team's don't can't won't it's we're they're I'm you'll "
                            + "Medicare Medicaid eligibility income threshold disability program coverage insurer")
                    .split(" ");

    /** Pieces whose bytes are JSON string content: escapes, raw UTF-8, escaped unicode. */
    private static final String[] SPECIALS = {
        ". ",
        ", ",
        "; ",
        ": ",
        "? ",
        "! ",
        "\\n\\n",
        "\\n- ",
        "\\n1. ",
        "\\n2. ",
        "\\n\\t",
        "\\\"quoted phrase\\\" ",
        "\\\"",
        "(see above) ",
        "[draft] ",
        "{\\\"key\\\": \\\"value\\\"} ",
        "C:\\\\Users\\\\alice\\\\report.txt ",
        "x \\u003c y \\u0026\\u0026 y \\u003e z ",
        "\\u00e9t\\u00e9 ",
        "\\u2014 ",
        "\\ud83d\\ude80 ",
        "caf\u00e9 ",
        "na\u00efve ",
        "Z\u00fcrich ",
        "M\u00fcnchen ",
        "\u6771\u4eac ",
        "\u30c7\u30fc\u30bf ",
        "\u2014 ",
        "\u2026 ",
        "\u20ac42.50 ",
        "\uD83D\uDE80 ",
        "\u00bfqu\u00e9? ",
        "```json\\n{\\\"ok\\\": true}\\n```\\n",
        "\\tindent ",
        "50% ",
        "$1,234.56 ",
        "2026-11-01 ",
    };

    private final byte[] text;

    /** Byte offsets where a slice may start or end, ascending. */
    private final int[] boundaries;

    TextCorpus(long seed, int targetBytes) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        byte[][] words = encodeAll(WORDS, " ");
        byte[][] specials = encodeAll(SPECIALS, "");
        byte[] out = new byte[targetBytes + 256];
        int[] bounds = new int[targetBytes / 2 + 2];
        int len = 0;
        int nb = 0;
        bounds[nb++] = 0;
        boolean capitalize = true;
        while (len < targetBytes) {
            byte[] piece;
            boolean special = rng.nextInt(100) < 12;
            piece =
                    special
                            ? specials[rng.nextInt(specials.length)]
                            : words[rng.nextInt(words.length)];
            System.arraycopy(piece, 0, out, len, piece.length);
            if (special) {
                byte first = piece[0];
                capitalize = first == '.' || first == '?' || first == '!' || first == '\\';
            } else {
                if (capitalize && out[len] >= 'a' && out[len] <= 'z') {
                    out[len] -= 32;
                }
                capitalize = false;
            }
            len += piece.length;
            bounds[nb++] = len;
        }
        this.text = Arrays.copyOf(out, len);
        this.boundaries = Arrays.copyOf(bounds, nb);
    }

    private static byte[][] encodeAll(String[] pieces, String suffix) {
        byte[][] out = new byte[pieces.length][];
        for (int i = 0; i < pieces.length; i++) {
            out[i] = (pieces[i] + suffix).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** A boundary from which at least {@code len} bytes (capped at half the corpus) follow. */
    int randomStart(SplittableRandom rng, int len) {
        int room = text.length - Math.min(len, text.length / 2) - 64;
        int idx = rng.nextInt(Math.max(1, lowerBoundary(Math.max(0, room))));
        return boundaries[idx];
    }

    /** Appends about {@code len} bytes of text starting at a random boundary. */
    void append(JsonBytes out, SplittableRandom rng, int len) {
        int cursor = randomStart(rng, len);
        appendFrom(out, rng, cursor, len);
    }

    /**
     * Appends about {@code len} bytes of contiguous text from {@code cursor} and returns the new
     * cursor (wrapping to a random start when the corpus runs out), so stream chunks read as one
     * text.
     */
    int appendFrom(JsonBytes out, SplittableRandom rng, int cursor, int len) {
        int remaining = len;
        while (remaining > 0) {
            if (cursor >= text.length - 64) {
                cursor = randomStart(rng, remaining);
            }
            int end =
                    boundaries[
                            Math.min(
                                    boundaries.length - 1,
                                    lowerBoundary(Math.min(text.length, cursor + remaining)))];
            if (end <= cursor) {
                end = boundaries[Math.min(boundaries.length - 1, lowerBoundary(cursor + 1))];
                if (end <= cursor) {
                    cursor = randomStart(rng, remaining);
                    continue;
                }
            }
            out.bytes(text, cursor, end - cursor);
            remaining -= end - cursor;
            cursor = end;
        }
        return cursor;
    }

    /** Index of the first boundary at or after {@code offset}. */
    private int lowerBoundary(int offset) {
        int i = Arrays.binarySearch(boundaries, offset);
        return i >= 0 ? i : Math.min(boundaries.length - 1, -i - 1);
    }
}
