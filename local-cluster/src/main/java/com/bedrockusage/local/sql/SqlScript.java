package com.bedrockusage.local.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script at the semicolons that end statements: not those inside string literals,
 * quoted identifiers or comments. Statements that hold only comments and blanks are dropped.
 */
public final class SqlScript {

    /** One statement and the 1-based line it starts on in the script. */
    public record Statement(String sql, int line) {}

    private SqlScript() {}

    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(script, i, end);
                current.append(script, i, end);
                i = end;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                if (startLine < 0) {
                    startLine = line;
                }
                int end = closingQuote(script, i, c);
                line += count(script, i, end);
                current.append(script, i, end);
                i = end;
                continue;
            }
            if (c == ';') {
                add(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c) && startLine < 0) {
                startLine = line;
            }
            current.append(c);
            i++;
        }
        add(statements, current, startLine);
        return statements;
    }

    /**
     * Index after the closing quote; a doubled quote is an escaped one. Unterminated: the end of
     * the script.
     */
    private static int closingQuote(String s, int open, char quote) {
        int i = open + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static void add(List<Statement> statements, StringBuilder sql, int startLine) {
        String text = sql.toString().trim();
        if (startLine >= 0 && !text.isEmpty()) {
            statements.add(new Statement(text, startLine));
        }
    }
}
