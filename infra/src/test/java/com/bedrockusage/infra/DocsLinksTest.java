package com.bedrockusage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is an entrance to docs/: every relative link and #anchor in them must lead somewhere.
 */
class DocsLinksTest {

    /** The before-stop hook's limit: the README stays a few screens long; topics go to docs/. */
    private static final long README_MAX_BYTES = 15_360;

    private static final Path REPO = CfnTemplate.infraDir().getParent();

    /**
     * How comments cite a section: {@code docs/benchmarks.md, "Alerts"} or {@code README:
     * "Testing"}.
     */
    private static final Pattern CITED_HEADING =
            Pattern.compile("(README(?:\\.md)?|docs/[\\w-]+\\.md)[,:] \"([^\"\\n]+)\"");

    private static final Set<String> NOT_SOURCES =
            Set.of("target", "node_modules", "local-data", ".git", "docs");

    @Test
    void shouldResolveEveryRelativeLinkAndAnchorInTheReadmeAndDocs() {
        List<Path> files = markdownFiles(REPO);
        assertThat(files).contains(REPO.resolve("README.md"), REPO.resolve("docs/operations.md"));
        assertThat(brokenLinks(REPO, files)).isEmpty();
    }

    @Test
    void shouldResolveEveryHeadingThatScriptsAndPomsCite() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Path file : sourceFiles(REPO)) {
            Matcher cite = CITED_HEADING.matcher(readOrEmpty(file));
            while (cite.find()) {
                Path doc =
                        REPO.resolve(
                                cite.group(1).startsWith("README") ? "README.md" : cite.group(1));
                if (!Files.exists(doc)
                        || !MarkdownDoc.read(doc)
                                .anchors
                                .contains(MarkdownDoc.slug(cite.group(2)))) {
                    stale.add(REPO.relativize(file) + ": " + cite.group());
                }
            }
        }
        assertThat(stale).isEmpty();
    }

    @Test
    void shouldLinkEveryDocFromTheReadme() {
        MarkdownDoc readme = MarkdownDoc.read(REPO.resolve("README.md"));
        List<String> docs =
                markdownFiles(REPO).stream()
                        .filter(f -> f.getParent().equals(REPO.resolve("docs")))
                        .map(f -> "docs/" + f.getFileName())
                        .collect(Collectors.toList());
        List<String> linked =
                readme.links.stream().map(l -> l.split("#", 2)[0]).collect(Collectors.toList());
        assertThat(linked).containsAll(docs);
    }

    @Test
    void shouldKeepTheReadmeShort() throws IOException {
        assertThat(Files.size(REPO.resolve("README.md"))).isLessThanOrEqualTo(README_MAX_BYTES);
    }

    @Test
    void shouldReportAMissingFileAndAMissingAnchor(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("README.md"),
                "# Title\n\n## Setup\n\n"
                        + "[ok](#setup) [ok](docs/a.md#usage-notes)\n"
                        + "[gone](docs/b.md) [bad anchor](docs/a.md#usage) [bad local](#title-1) [web](https://example.com/#x)\n"
                        + "[a link that wraps\nonto the next line](docs/a.md#wrapped)\n");
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(
                dir.resolve("docs/a.md"),
                "# A\n\n## Usage notes\n\n```\n## Not a heading\n```\n"
                        + "[up](../README.md#setup) `[code](nowhere.md)`\n");

        assertThat(brokenLinks(dir, markdownFiles(dir)))
                .containsExactly(
                        "README.md: docs/b.md",
                        "README.md: docs/a.md#usage",
                        "README.md: #title-1",
                        "README.md: docs/a.md#wrapped");
    }

    @Test
    void shouldSlugHeadingsAsGitHubDoes() {
        assertThat(MarkdownDoc.slug("`bin/sql`: Flink SQL on the warehouse"))
                .isEqualTo("binsql-flink-sql-on-the-warehouse");
        assertThat(MarkdownDoc.slug("The query pack (`local-cluster/queries/`)"))
                .isEqualTo("the-query-pack-local-clusterqueries");
        assertThat(MarkdownDoc.slug("What to do when…")).isEqualTo("what-to-do-when");
        assertThat(MarkdownDoc.slug("Bedrock SQL functions (`udf` module)"))
                .isEqualTo("bedrock-sql-functions-udf-module");
        assertThat(MarkdownDoc.slug("On AWS: update the job with a snapshot"))
                .isEqualTo("on-aws-update-the-job-with-a-snapshot");
        assertThat(MarkdownDoc.slug("Explicit `Invocation` serializer, usage_key & more"))
                .isEqualTo("explicit-invocation-serializer-usage_key--more");
        assertThat(
                        MarkdownDoc.parse(
                                        Path.of("x.md"),
                                        List.of("## Metrics", "text", "## Metrics"))
                                .anchors)
                .containsExactly("metrics", "metrics-1");
    }

    private static List<String> brokenLinks(Path root, List<Path> files) {
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            MarkdownDoc doc = MarkdownDoc.read(file);
            for (String link : doc.links) {
                if (isBroken(doc, link)) {
                    broken.add(root.relativize(file) + ": " + link);
                }
            }
        }
        return broken;
    }

    private static boolean isBroken(MarkdownDoc doc, String link) {
        if (link.isEmpty() || link.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return false;
        }
        String[] parts = link.split("#", 2);
        Path target =
                parts[0].isEmpty()
                        ? doc.file
                        : doc.file
                                .getParent()
                                .resolve(URLDecoder.decode(parts[0], StandardCharsets.UTF_8))
                                .normalize();
        if (!Files.exists(target)) {
            return true;
        }
        if (parts.length == 1 || !target.toString().endsWith(".md")) {
            return false;
        }
        return !MarkdownDoc.read(target).anchors.contains(parts[1]);
    }

    /** Scripts, poms and code: every file outside build output, data and the docs themselves. */
    private static List<Path> sourceFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        boolean skip =
                                !dir.equals(root)
                                        && NOT_SOURCES.contains(dir.getFileName().toString());
                        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()
                                && !file.getFileName().toString().endsWith(".md")) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        return files;
    }

    private static String readOrEmpty(Path file) throws IOException {
        if (Files.size(file) > 1_000_000) {
            return "";
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static List<Path> markdownFiles(Path root) {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
