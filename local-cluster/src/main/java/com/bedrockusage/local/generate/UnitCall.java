package com.bedrockusage.local.generate;

import com.bedrockusage.pricing.PriceUnits;
import com.bedrockusage.pricing.UnitQuantity;
import java.util.List;

/**
 * The calls Bedrock prices per unit instead of per token, as the generator writes them: image
 * generation with an {@code imageGenerationConfig} (Nova Canvas, Titan Image Generator v2), a
 * Stability model whose request names no count (the response's one image is counted), Nova Reel
 * video by {@code durationSeconds}, and rerank by its number of documents (one query per 100).
 */
enum UnitCall {
    NOVA_CANVAS("amazon.nova-canvas-v1:0", Operation.INVOKE_MODEL),
    TITAN_IMAGE("amazon.titan-image-generator-v2:0", Operation.INVOKE_MODEL),
    STABILITY_IMAGE("stability.sd3-5-large-v1:0", Operation.INVOKE_MODEL),
    NOVA_REEL("amazon.nova-reel-v1:0", Operation.START_ASYNC_INVOKE),
    RERANK("cohere.rerank-v3-5:0", Operation.INVOKE_MODEL);

    /** Rerank bills one query per 100 documents or part of 100. */
    static final int DOCUMENTS_PER_QUERY = 100;

    static final List<Integer> IMAGE_SIDES = List.of(512, 1024, 2048);
    static final int MAX_IMAGES = 5;
    static final int MAX_RERANK_DOCUMENTS = 250;

    final String modelId;
    final Operation operation;
    final ModelCatalog.Spec spec;

    UnitCall(String modelId, Operation operation) {
        this.modelId = modelId;
        this.operation = operation;
        this.spec = new ModelCatalog.Spec(modelId, ModelFamily.UNIT, 0, List.of(""), false, false);
    }

    boolean hasImageConfig() {
        return this == NOVA_CANVAS || this == TITAN_IMAGE;
    }

    /** What the job should read from the record: the quantity its per-unit price multiplies. */
    static UnitQuantity unitsOf(PlannedRecord r) {
        switch (r.unitCall) {
            case NOVA_CANVAS:
            case TITAN_IMAGE:
                return new UnitQuantity(
                        PriceUnits.IMAGE,
                        r.imageQuality + "-" + r.imageSide + "x" + r.imageSide,
                        r.unitCount);
            case STABILITY_IMAGE:
                return new UnitQuantity(PriceUnits.IMAGE, "", 1);
            case NOVA_REEL:
                return new UnitQuantity(PriceUnits.SECOND, "", r.unitCount);
            default:
                return new UnitQuantity(
                        PriceUnits.QUERY,
                        "",
                        (r.unitCount + DOCUMENTS_PER_QUERY - 1) / DOCUMENTS_PER_QUERY);
        }
    }
}
