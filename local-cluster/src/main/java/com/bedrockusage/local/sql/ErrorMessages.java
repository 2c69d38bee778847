package com.bedrockusage.local.sql;

import java.util.ArrayList;
import java.util.List;

/** Turns an exception from Flink, Calcite or Iceberg into one readable line. */
public final class ErrorMessages {

    private ErrorMessages() {}

    public static String oneLine(Throwable t) {
        if (t instanceof CliException) {
            return t.getMessage();
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        // SQL parse and validation errors say it best at the top ("SQL validation failed. From line
        // 1, ...");
        // job failures at the bottom (the real cause under several layers of "Job execution
        // failed").
        Throwable top = chain.get(0);
        String topMessage = firstLine(top.getMessage());
        if (topMessage != null
                && (topMessage.startsWith("SQL parse failed")
                        || topMessage.startsWith("SQL validation failed"))) {
            return topMessage + detail(chain);
        }
        Throwable root = chain.get(chain.size() - 1);
        String rootMessage = firstLine(root.getMessage());
        if (rootMessage == null) {
            return topMessage != null ? topMessage : root.getClass().getSimpleName();
        }
        return chain.size() == 1 || topMessage == null || topMessage.equals(rootMessage)
                ? rootMessage
                : topMessage + ": " + rootMessage;
    }

    /**
     * A validation error's cause often names the object ("Object 'x' not found"), when the top does
     * not.
     */
    private static String detail(List<Throwable> chain) {
        String top = firstLine(chain.get(0).getMessage());
        String root = firstLine(chain.get(chain.size() - 1).getMessage());
        return root == null || top.contains(root) ? "" : " (" + root + ")";
    }

    private static String firstLine(String message) {
        if (message == null || message.trim().isEmpty()) {
            return null;
        }
        String trimmed = message.trim();
        int nl = trimmed.indexOf('\n');
        return (nl < 0 ? trimmed : trimmed.substring(0, nl)).trim();
    }
}
