package com.bedrockusage.udf;

import com.bedrockusage.pricing.CallerArns;
import org.apache.flink.table.functions.ScalarFunction;

/** {@code CALLER_SESSION(arn)}: the session name of an assumed-role ARN; NULL for other callers. */
public class CallerSession extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    public String eval(String arn) {
        return CallerArns.session(arn);
    }
}
