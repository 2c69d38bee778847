package com.bedrockusage.udf;

import com.bedrockusage.pricing.CallerArns;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code CALLER_PRINCIPAL(arn)}: the role or user name of a caller identity ARN (see {@link
 * CallerArns}).
 */
public class CallerPrincipal extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    public String eval(String arn) {
        return CallerArns.principal(arn);
    }
}
