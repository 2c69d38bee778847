package com.bedrockusage.udf;

import com.bedrockusage.pricing.ModelIds;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code MODEL_PROVIDER(model_id)}: the model vendor ({@code anthropic}, {@code amazon}, {@code
 * meta}, ...) of a bare id, cross-region profile id or ARN; NULL when not recognised.
 */
public class ModelProvider extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    public String eval(String modelId) {
        return ModelIds.provider(modelId);
    }
}
