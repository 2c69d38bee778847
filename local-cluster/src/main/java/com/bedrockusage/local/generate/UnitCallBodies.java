package com.bedrockusage.local.generate;

import java.util.SplittableRandom;

/**
 * Request and response bodies of the per-unit calls ({@link UnitCall}), in the shapes their models
 * take: short corpus text for prompts and documents, and a tiny placeholder for each image.
 */
final class UnitCallBodies {

    /** Eight bytes of PNG signature in base64: real images would be megabytes. */
    private static final String IMAGE_PLACEHOLDER = "\"iVBORw0KGgo=\"";

    private static final int PROMPT_BYTES = 120;
    private static final int DOCUMENT_BYTES = 24;

    private final TextCorpus corpus;

    UnitCallBodies(TextCorpus corpus) {
        this.corpus = corpus;
    }

    void request(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        switch (r.unitCall) {
            case NOVA_CANVAS:
            case TITAN_IMAGE:
                out.raw("{\"taskType\":\"TEXT_IMAGE\",\"textToImageParams\":{\"text\":");
                text(out, rng, PROMPT_BYTES);
                out.raw("},\"imageGenerationConfig\":{\"numberOfImages\":")
                        .num(r.unitCount)
                        .raw(",\"height\":")
                        .num(r.imageSide)
                        .raw(",\"width\":")
                        .num(r.imageSide)
                        .raw(",\"quality\":")
                        .str(r.imageQuality)
                        .raw(",\"cfgScale\":6.5,\"seed\":")
                        .num(rng.nextInt(1 << 20))
                        .raw("}}");
                break;
            case STABILITY_IMAGE:
                out.raw("{\"prompt\":");
                text(out, rng, PROMPT_BYTES);
                out.raw(
                        ",\"mode\":\"text-to-image\",\"aspect_ratio\":\"1:1\",\"output_format\":\"png\"}");
                break;
            case NOVA_REEL:
                out.raw("{\"taskType\":\"TEXT_VIDEO\",\"textToVideoParams\":{\"text\":");
                text(out, rng, PROMPT_BYTES);
                out.raw("},\"videoGenerationConfig\":{\"durationSeconds\":")
                        .num(r.unitCount)
                        .raw(",\"fps\":24,\"dimension\":\"1280x720\",\"seed\":")
                        .num(rng.nextInt(1 << 20))
                        .raw("}}");
                break;
            default:
                out.raw("{\"query\":");
                text(out, rng, PROMPT_BYTES / 2);
                out.raw(",\"documents\":[");
                for (int i = 0; i < r.unitCount; i++) {
                    if (i > 0) {
                        out.raw(',');
                    }
                    text(out, rng, DOCUMENT_BYTES);
                }
                out.raw("],\"top_n\":3,\"api_version\":2}");
        }
    }

    void response(PlannedRecord r, SplittableRandom rng, JsonBytes out) {
        switch (r.unitCall) {
            case NOVA_CANVAS:
            case TITAN_IMAGE:
                out.raw("{\"images\":[");
                images(out, r.unitCount);
                out.raw("]}");
                break;
            case STABILITY_IMAGE:
                out.raw("{\"seeds\":[")
                        .num(rng.nextInt(1 << 20))
                        .raw("],\"finish_reasons\":[null],\"images\":[");
                images(out, 1);
                out.raw("]}");
                break;
            case NOVA_REEL:
                out.raw("{\"invocationArn\":")
                        .str(
                                "arn:aws:bedrock:"
                                        + r.region
                                        + ":"
                                        + r.account.id()
                                        + ":async-invoke/"
                                        + Long.toHexString(r.requestIdLow))
                        .raw('}');
                break;
            default:
                out.raw("{\"results\":[");
                int shown = Math.min(3, r.unitCount);
                for (int i = 0; i < shown; i++) {
                    out.raw(i > 0 ? ",{\"index\":" : "{\"index\":")
                            .num(i)
                            .raw(",\"relevance_score\":0.")
                            .num(9 - i)
                            .raw('}');
                }
                out.raw("]}");
        }
    }

    private static void images(JsonBytes out, int count) {
        for (int i = 0; i < count; i++) {
            out.raw(i > 0 ? "," : "").raw(IMAGE_PLACEHOLDER);
        }
    }

    private void text(JsonBytes out, SplittableRandom rng, int bytes) {
        out.raw('"');
        corpus.append(out, rng, bytes);
        out.raw('"');
    }
}
