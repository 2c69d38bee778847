package com.bedrockusage.udf;

import com.bedrockusage.pricing.CallerArns;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code CALLER_APP(arn)}: the application a caller's role belongs to, by a role-naming convention.
 * The pattern is matched against the role name (of a role or assumed-role ARN); the result is its
 * group named {@code app} if that matched, else its first group that matched (so one pattern can
 * cover several conventions), else the whole match when it has no group ({@link CallerArns#app});
 * NULL when the caller is not a role or the name does not match.
 *
 * <p>Default {@value #DEFAULT_PATTERN} ({@code Checkout-BedrockRole -> Checkout}). Set another with
 * the constructor argument, the job parameter {@code bedrock.app-pattern}, the system property of
 * that name or the environment variable {@code BEDROCK_APP_PATTERN} (first set wins).
 */
public class CallerApp extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_PATTERN = "^(.+)-BedrockRole$";

    private final String pattern;
    private transient Pattern compiled;

    public CallerApp() {
        this(null);
    }

    /**
     * @param pattern a Java regex; null for the usual lookup
     */
    public CallerApp(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void open(FunctionContext context) {
        String regex =
                Settings.resolve(pattern, context, Settings.APP_PATTERN, Settings.APP_PATTERN_ENV);
        compiled = compile(regex == null ? DEFAULT_PATTERN : regex);
    }

    public String eval(String arn) {
        if (compiled == null) {
            open(null);
        }
        return CallerArns.app(arn, compiled);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    Settings.APP_PATTERN
                            + " is not a valid regular expression: '"
                            + regex
                            + "' ("
                            + e.getDescription()
                            + ")",
                    e);
        }
    }
}
