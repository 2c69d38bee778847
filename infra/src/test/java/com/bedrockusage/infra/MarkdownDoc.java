package com.bedrockusage.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The headings' anchors and the inline links of one Markdown file, as GitHub renders them. */
final class MarkdownDoc {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(\\s+#+)?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern LINK =
            Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(\\s+\"[^\"]*\")?\\s*\\)");
    // github-slugger keeps letters, digits, combining marks, '_', '-' and spaces, and drops
    // everything else.
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{N}\\p{M}_\\- ]");

    final Path file;
    final Set<String> anchors;
    final List<String> links;

    private MarkdownDoc(Path file, Set<String> anchors, List<String> links) {
        this.file = file;
        this.anchors = anchors;
        this.links = links;
    }

    static MarkdownDoc read(Path file) {
        try {
            return parse(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MarkdownDoc parse(Path file, List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        StringBuilder prose = new StringBuilder();
        boolean inFence = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
            prose.append(line).append('\n');
        }
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(INLINE_CODE.matcher(prose).replaceAll(""));
        while (link.find()) {
            links.add(link.group(2));
        }
        return new MarkdownDoc(file, anchors, links);
    }

    /**
     * GitHub's anchor for a heading: its rendered text, lower-cased, punctuation dropped, each
     * space a dash.
     */
    static String slug(String headingMarkdown) {
        String text =
                LINK.matcher(headingMarkdown).replaceAll("$1").replace("`", "").replace("*", "");
        return NOT_IN_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }
}
