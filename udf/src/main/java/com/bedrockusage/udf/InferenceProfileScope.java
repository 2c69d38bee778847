package com.bedrockusage.udf;

import com.bedrockusage.pricing.ModelIds;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code INFERENCE_PROFILE_SCOPE(model_id)}: the geography of a cross-region inference profile
 * ({@code us}, {@code eu}, {@code apac}, {@code global}, ...), {@code none} for an in-region model
 * id, NULL for NULL and when it cannot be told (an application-inference-profile ARN may wrap a
 * cross-region profile).
 */
public class InferenceProfileScope extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    public String eval(String modelId) {
        return ModelIds.profileScope(modelId);
    }
}
