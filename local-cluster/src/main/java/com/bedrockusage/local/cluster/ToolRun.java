package com.bedrockusage.local.cluster;

import java.io.IOException;
import java.io.PrintStream;

/**
 * How the cluster tools end: exit status 0 when the work is done, 2 for a usage mistake, 1 for any
 * other failure, the error as one line after the tool's name.
 */
final class ToolRun {

    interface Work {
        void run() throws IOException, UsageException;
    }

    private ToolRun() {}

    static int exitStatus(String tool, PrintStream err, Work work) {
        try {
            work.run();
            return 0;
        } catch (UsageException e) {
            err.println(tool + ": " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println(tool + ": " + e.getMessage());
            return 1;
        }
    }
}
