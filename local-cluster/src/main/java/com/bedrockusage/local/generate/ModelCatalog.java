package com.bedrockusage.local.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The models the generator calls, each with the id forms that exist in the LiteLLM price snapshot
 * ({@code shared/data/prices}), so that nearly every call is priceable; one model is deliberately
 * unknown.
 */
final class ModelCatalog {

    /**
     * A model id of the unknown kind, absent from any price list: its calls must come out unpriced.
     */
    static final String UNKNOWN_MODEL = "acme.orbit-large-v1:0";

    /**
     * One catalogue model. {@code forms} lists which ids exist: "" for the bare id, else the
     * inference profile prefix (us, eu, apac, jp, global).
     */
    record Spec(
            String baseId,
            ModelFamily family,
            int weight,
            List<String> forms,
            boolean caching,
            boolean oneHourCache) {

        boolean hasForm(String form) {
            return forms.contains(form);
        }
    }

    /**
     * A concrete choice: the id exactly as logged, and the inference region when it differs by
     * profile.
     */
    record Choice(Spec spec, String modelId, String profileGeo, String inferenceRegion) {}

    static final List<Spec> MODELS =
            List.of(
                    new Spec(
                            "anthropic.claude-sonnet-4-5-20250929-v1:0",
                            ModelFamily.ANTHROPIC,
                            20,
                            List.of("", "us", "eu", "global"),
                            true,
                            true),
                    new Spec(
                            "anthropic.claude-haiku-4-5-20251001-v1:0",
                            ModelFamily.ANTHROPIC,
                            15,
                            List.of("", "us", "eu", "apac", "jp", "global"),
                            true,
                            true),
                    new Spec(
                            "anthropic.claude-opus-4-6-v1",
                            ModelFamily.ANTHROPIC,
                            6,
                            List.of("", "us", "eu", "global"),
                            true,
                            true),
                    new Spec(
                            "anthropic.claude-sonnet-4-20250514-v1:0",
                            ModelFamily.ANTHROPIC,
                            8,
                            List.of("", "us", "eu", "apac", "global"),
                            true,
                            false),
                    new Spec(
                            "anthropic.claude-3-7-sonnet-20250219-v1:0",
                            ModelFamily.ANTHROPIC,
                            4,
                            List.of("", "us", "eu"),
                            true,
                            false),
                    new Spec(
                            "anthropic.claude-3-5-sonnet-20241022-v2:0",
                            ModelFamily.ANTHROPIC,
                            3,
                            List.of("", "us", "eu", "apac"),
                            false,
                            false),
                    new Spec(
                            "anthropic.claude-3-haiku-20240307-v1:0",
                            ModelFamily.ANTHROPIC,
                            6,
                            List.of("", "us", "eu", "apac"),
                            false,
                            false),
                    new Spec(
                            "amazon.nova-lite-v1:0",
                            ModelFamily.NOVA,
                            8,
                            List.of("", "us", "eu", "apac"),
                            true,
                            false),
                    new Spec(
                            "amazon.nova-micro-v1:0",
                            ModelFamily.NOVA,
                            6,
                            List.of("", "us", "eu", "apac"),
                            true,
                            false),
                    new Spec(
                            "amazon.nova-pro-v1:0",
                            ModelFamily.NOVA,
                            5,
                            List.of("", "us", "eu", "apac"),
                            true,
                            false),
                    new Spec(
                            "amazon.nova-2-lite-v1:0",
                            ModelFamily.NOVA,
                            3,
                            List.of("", "us", "eu", "apac", "global"),
                            true,
                            false),
                    new Spec(
                            "meta.llama3-3-70b-instruct-v1:0",
                            ModelFamily.LLAMA,
                            3,
                            List.of("", "us"),
                            false,
                            false),
                    new Spec(
                            "meta.llama3-1-8b-instruct-v1:0",
                            ModelFamily.LLAMA,
                            2,
                            List.of("", "us"),
                            false,
                            false),
                    new Spec(
                            "meta.llama4-maverick-17b-instruct-v1:0",
                            ModelFamily.LLAMA,
                            1,
                            List.of("", "us"),
                            false,
                            false),
                    new Spec(
                            "mistral.mistral-large-2407-v1:0",
                            ModelFamily.MISTRAL,
                            2,
                            List.of(""),
                            false,
                            false),
                    new Spec(
                            "mistral.mixtral-8x7b-instruct-v0:1",
                            ModelFamily.MISTRAL,
                            1,
                            List.of(""),
                            false,
                            false),
                    new Spec(
                            "mistral.pixtral-large-2502-v1:0",
                            ModelFamily.CONVERSE_ONLY,
                            1,
                            List.of("us", "eu"),
                            false,
                            false),
                    new Spec(
                            "deepseek.r1-v1:0",
                            ModelFamily.CONVERSE_ONLY,
                            2,
                            List.of("us"),
                            false,
                            false),
                    new Spec(
                            "qwen.qwen3-32b-v1:0",
                            ModelFamily.CONVERSE_ONLY,
                            1,
                            List.of(""),
                            false,
                            false),
                    new Spec(
                            "openai.gpt-oss-120b-1:0",
                            ModelFamily.CONVERSE_ONLY,
                            1,
                            List.of(""),
                            false,
                            false));

    static final Spec UNKNOWN =
            new Spec(UNKNOWN_MODEL, ModelFamily.CONVERSE_ONLY, 0, List.of(""), false, false);

    /** Regions an inference profile may route to, by profile prefix. */
    private static final Map<String, List<String>> PROFILE_DESTINATIONS =
            Map.of(
                    "us", List.of("us-east-1", "us-east-2", "us-west-2"),
                    "eu", List.of("eu-west-1", "eu-central-1", "eu-west-3", "eu-north-1"),
                    "apac",
                            List.of(
                                    "ap-northeast-1",
                                    "ap-southeast-1",
                                    "ap-southeast-2",
                                    "ap-south-1",
                                    "ap-northeast-2"),
                    "jp", List.of("ap-northeast-1", "ap-northeast-3"),
                    "global",
                            List.of(
                                    "us-east-1",
                                    "us-east-2",
                                    "us-west-2",
                                    "eu-west-1",
                                    "eu-central-1",
                                    "eu-north-1",
                                    "ap-northeast-1",
                                    "ap-southeast-2",
                                    "ap-south-1"));

    private static final int TOTAL_WEIGHT = MODELS.stream().mapToInt(Spec::weight).sum();

    private ModelCatalog() {}

    /** The geographic inference-profile prefix a source region may use. */
    static String geoOf(String region) {
        if (region.startsWith("us-")) {
            return "us";
        }
        if (region.startsWith("eu-")) {
            return "eu";
        }
        return "apac";
    }

    /**
     * Picks a model and an id form valid in {@code region}; {@code unknownPct} of calls use the
     * unknown model. Profiles are favoured (that is how most newer models are called); a tenth of
     * ids are written as ARNs.
     */
    static Choice choose(SplittableRandom rng, String region, String accountId, double unknownPct) {
        if (rng.nextDouble() * 100 < unknownPct) {
            return new Choice(UNKNOWN, UNKNOWN_MODEL, null, region);
        }
        while (true) {
            Spec spec = pickWeighted(rng);
            String geo = geoOf(region);
            if (region.equals("ap-northeast-1") && spec.hasForm("jp") && rng.nextInt(3) == 0) {
                geo = "jp";
            }
            String form;
            int r = rng.nextInt(100);
            if (r < 55 && spec.hasForm(geo)) {
                form = geo;
            } else if (r < 75 && spec.hasForm("global")) {
                form = "global";
            } else if (spec.hasForm("")) {
                form = "";
            } else if (spec.hasForm(geo)) {
                form = geo;
            } else if (spec.hasForm("global")) {
                form = "global";
            } else {
                continue; // this model is not offered in the region: pick another
            }
            boolean arn = rng.nextInt(10) == 0;
            if (form.isEmpty()) {
                String id =
                        arn
                                ? "arn:aws:bedrock:"
                                        + region
                                        + "::foundation-model/"
                                        + spec.baseId()
                                : spec.baseId();
                return new Choice(spec, id, null, region);
            }
            String profileId = form + "." + spec.baseId();
            String id =
                    arn
                            ? "arn:aws:bedrock:"
                                    + region
                                    + ":"
                                    + accountId
                                    + ":inference-profile/"
                                    + profileId
                            : profileId;
            List<String> destinations = PROFILE_DESTINATIONS.get(form);
            String inferenceRegion = destinations.get(rng.nextInt(destinations.size()));
            return new Choice(spec, id, form, inferenceRegion);
        }
    }

    private static Spec pickWeighted(SplittableRandom rng) {
        int w = rng.nextInt(TOTAL_WEIGHT);
        for (Spec s : MODELS) {
            w -= s.weight();
            if (w < 0) {
                return s;
            }
        }
        return MODELS.get(MODELS.size() - 1);
    }
}
