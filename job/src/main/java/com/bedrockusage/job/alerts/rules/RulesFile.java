package com.bedrockusage.job.alerts.rules;

import java.io.Serializable;

/** Where the alert rules come from and whether a running job re-reads them. */
public final class RulesFile implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The rules file (any Flink file system URI), or null for the built-in defaults only. */
    public final String path;

    final boolean defaultsEnabled;
    public final long intervalMillis;

    /** False in bounded jobs: the file is read once at start. */
    public final boolean watch;

    final RulesSource source;

    public RulesFile(String path, boolean defaultsEnabled, long intervalMillis, boolean watch) {
        this(path, defaultsEnabled, intervalMillis, watch, FileSystemRulesSource.INSTANCE);
    }

    public RulesFile(
            String path,
            boolean defaultsEnabled,
            long intervalMillis,
            boolean watch,
            RulesSource source) {
        this.path = path;
        this.defaultsEnabled = defaultsEnabled;
        this.intervalMillis = intervalMillis;
        this.watch = watch;
        this.source = source;
    }

    public RulesWatcher watcher() {
        return new RulesWatcher(path, defaultsEnabled, source);
    }
}
