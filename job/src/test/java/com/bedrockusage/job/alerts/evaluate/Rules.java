package com.bedrockusage.job.alerts.evaluate;

import com.bedrockusage.job.alerts.AlertRule;
import com.bedrockusage.job.alerts.RuleSet;
import com.bedrockusage.job.alerts.rules.RulesException;
import com.bedrockusage.job.alerts.rules.RulesParser;
import com.bedrockusage.job.alerts.rules.RulesWatcher;
import java.util.List;

/** Rules for tests, parsed by the real parser (defaults off unless asked). */
final class Rules {

    private Rules() {}

    static RuleSet set(String json) {
        try {
            List<AlertRule> rules = RulesParser.parse(json, "test", false);
            return new RuleSet(
                    RulesWatcher.fingerprint(json), "test", 0L, rules.toArray(new AlertRule[0]));
        } catch (RulesException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * One rule from the fields of its JSON object, e.g. {@code "\"id\": \"x\", \"metric\":
     * \"errors\", ..."}.
     */
    static AlertRule one(String fields) {
        return set("{\"rules\": [{" + fields + "}]}").rules[0];
    }
}
