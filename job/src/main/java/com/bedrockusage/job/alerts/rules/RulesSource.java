package com.bedrockusage.job.alerts.rules;

import java.io.Serializable;

/**
 * Where the text of the rules file comes from. The job reads it through Flink's file systems; tests
 * stand in.
 */
public interface RulesSource extends Serializable {

    /** The file's text; throws when it cannot be read (missing, denied, too large, too slow). */
    String read(String location) throws RulesException;
}
