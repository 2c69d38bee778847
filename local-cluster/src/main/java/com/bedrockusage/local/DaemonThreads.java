package com.bedrockusage.local;

import java.util.concurrent.ThreadFactory;

/** Threads that do not keep the tools' JVM alive, all named alike for thread dumps. */
public final class DaemonThreads {

    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
