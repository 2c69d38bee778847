package com.bedrockusage.job.qdeveloper;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Estimates the tokens of prompt and response text with jtokkit's {@code cl100k_base} byte-pair
 * encoding. Q Developer does not log token counts and its models' own tokenizers are not public, so
 * these are estimates of the same order, not billing figures. Special-token markers in the text are
 * counted as ordinary text: logged text is data.
 */
public final class TokenEstimator {

    /**
     * The longest text counted, in chars: five times the 200,000-token context window at about four
     * chars a token. A longer value is not from Q Developer; its record is rejected ({@code
     * text-too-long}) rather than counted.
     */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private static final Encoding ENCODING =
            Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private TokenEstimator() {}

    /** Tokens of {@code text}; 0 for null. Callers check {@link #MAX_TEXT_CHARS} first. */
    public static long count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return ENCODING.countTokensOrdinary(text);
    }
}
