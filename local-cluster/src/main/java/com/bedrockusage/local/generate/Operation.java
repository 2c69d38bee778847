package com.bedrockusage.local.generate;

/** The Bedrock runtime operations that write invocation logs. */
enum Operation {
    CONVERSE("Converse"),
    CONVERSE_STREAM("ConverseStream"),
    INVOKE_MODEL("InvokeModel"),
    INVOKE_MODEL_WITH_RESPONSE_STREAM("InvokeModelWithResponseStream"),
    /** Nova Reel video generation. */
    START_ASYNC_INVOKE("StartAsyncInvoke");

    final String logName;

    Operation(String logName) {
        this.logName = logName;
    }

    boolean isConverse() {
        return this == CONVERSE || this == CONVERSE_STREAM;
    }
}
