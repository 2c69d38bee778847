package com.bedrockusage.udf;

/**
 * {@code BEDROCK_MODEL(model_id)}: the catalogue model id a logged model id (bare id, cross-region
 * profile id or ARN) resolves to, e.g. {@code us.anthropic.claude-3-haiku-20240307-v1:0 ->
 * anthropic.claude-3-haiku-20240307-v1:0}; NULL when the catalogue does not know it.
 */
public class BedrockModel extends CatalogFunction {

    private static final long serialVersionUID = 1L;

    public BedrockModel() {
        this((String) null);
    }

    /**
     * @param catalogLocation a price CSV (path or {@code file:} URI); null for the usual lookup
     */
    public BedrockModel(String catalogLocation) {
        super(catalogLocation);
    }

    /**
     * @param setup the job's pricing configuration, used as a whole
     */
    public BedrockModel(PricingSetup setup) {
        super(setup);
    }

    public String eval(String modelId) {
        return catalog().resolveModel(modelId);
    }
}
