package com.bedrockusage.local.generate;

/** The four Bedrock runtime operations that write invocation logs. */
enum Operation {
    CONVERSE("Converse"),
    CONVERSE_STREAM("ConverseStream"),
    INVOKE_MODEL("InvokeModel"),
    INVOKE_MODEL_WITH_RESPONSE_STREAM("InvokeModelWithResponseStream");

    final String logName;

    Operation(String logName) {
        this.logName = logName;
    }

    boolean isConverse() {
        return this == CONVERSE || this == CONVERSE_STREAM;
    }
}
