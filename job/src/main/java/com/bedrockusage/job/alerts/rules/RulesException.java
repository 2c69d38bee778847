package com.bedrockusage.job.alerts.rules;

import java.util.Collections;
import java.util.List;

/**
 * A rules file that cannot be used. The message lists every problem, each naming the rule id and
 * field.
 */
public class RulesException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public RulesException(String origin, List<String> problems) {
        super("rejected alert rules from " + origin + ": " + String.join("; ", problems));
        this.problems = Collections.unmodifiableList(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
