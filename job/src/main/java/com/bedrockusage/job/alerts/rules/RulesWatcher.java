package com.bedrockusage.job.alerts.rules;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.RuleSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the rules file and hands out a new {@link RuleSet} when its content changed and is
 * valid. A file that cannot be read or does not validate is logged and counted once per content,
 * and the previous rules stay in force. Reads through Flink's file systems ({@link
 * FileSystemRulesSource}), so {@code s3://} works where the S3 file system plugin is installed
 * (MSF). Not thread-safe: the matcher polls it from one reader thread ({@link RulesReader}).
 */
public final class RulesWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    public static final String DEFAULTS_ORIGIN = "built-in defaults";

    private final String path;
    private final boolean defaultsEnabled;
    private final RulesSource source;
    private String lastFingerprint;
    private RuleSet current;
    private long rejected;
    private String lastProblem;

    /** {@code path} null: the built-in defaults only. */
    public RulesWatcher(String path, boolean defaultsEnabled) {
        this(path, defaultsEnabled, FileSystemRulesSource.INSTANCE);
    }

    RulesWatcher(String path, boolean defaultsEnabled, RulesSource source) {
        this.path = path;
        this.defaultsEnabled = defaultsEnabled;
        this.source = source;
    }

    /**
     * Reads and validates the rules once; the error names every problem. For startup, where there
     * is no fallback.
     */
    public static RuleSet load(String path, boolean defaultsEnabled) throws RulesException {
        String text = path == null ? null : FileSystemRulesSource.INSTANCE.read(path);
        return build(text, path, defaultsEnabled);
    }

    /**
     * The new rule set when the file's content changed since the last poll and is valid; otherwise
     * empty.
     */
    public Optional<RuleSet> poll() {
        String text;
        try {
            text = path == null ? null : source.read(path);
        } catch (RulesException e) {
            return reject(fingerprint("unreadable:" + e.getMessage()), e);
        } catch (RuntimeException e) {
            RulesException unreadable =
                    new RulesException(path, List.of("cannot read the rules file: " + e));
            return reject(fingerprint("unreadable:" + unreadable.getMessage()), unreadable);
        }
        String fingerprint =
                fingerprint((defaultsEnabled ? "defaults+" : "") + (text == null ? "" : text));
        if (fingerprint.equals(lastFingerprint)) {
            return Optional.empty();
        }
        try {
            RuleSet next = build(text, path, defaultsEnabled);
            lastFingerprint = fingerprint;
            current = next;
            lastProblem = null;
            LOG.info("Alert rules loaded: {}", next.describe());
            return Optional.of(next);
        } catch (RulesException e) {
            return reject(fingerprint, e);
        }
    }

    private Optional<RuleSet> reject(String fingerprint, RulesException e) {
        if (!fingerprint.equals(lastFingerprint)) {
            lastFingerprint = fingerprint;
            rejected++;
            lastProblem = e.getMessage();
            LOG.error(
                    "{}. {}",
                    e.getMessage(),
                    current == null
                            ? "No rules were loaded yet."
                            : "The previous rules stay in force: " + current.describe());
        }
        return Optional.empty();
    }

    /** The rules in force after the last successful poll, or null. */
    public RuleSet current() {
        return current;
    }

    /** How many distinct bad contents were rejected. */
    public long rejectedCount() {
        return rejected;
    }

    /** The message of the last rejection while it is still the file's content, else null. */
    public String lastProblem() {
        return lastProblem;
    }

    private static RuleSet build(String text, String path, boolean defaultsEnabled)
            throws RulesException {
        String origin = path == null ? DEFAULTS_ORIGIN : path;
        List<AlertRule> rules = RulesParser.parse(text, origin, defaultsEnabled);
        String fingerprint =
                fingerprint((defaultsEnabled ? "defaults+" : "") + (text == null ? "" : text));
        return new RuleSet(
                fingerprint, origin, System.currentTimeMillis(), rules.toArray(new AlertRule[0]));
    }

    public static String fingerprint(String content) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(content.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
