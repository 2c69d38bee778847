package com.bedrockusage.local.generate;

/** Decides the request/response body shapes a model uses with InvokeModel; Converse is shared. */
enum ModelFamily {
    ANTHROPIC,
    NOVA,
    LLAMA,
    MISTRAL,
    /** Models only called through Converse here (DeepSeek, Qwen, gpt-oss, the unknown model). */
    CONVERSE_ONLY,
    /** Image, video and rerank models ({@link UnitCall}): bodies of their own. */
    UNIT
}
