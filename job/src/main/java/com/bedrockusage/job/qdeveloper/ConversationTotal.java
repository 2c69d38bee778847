package com.bedrockusage.job.qdeveloper;

/**
 * Estimated tokens of one conversation so far, and when it was last active (epoch millis). A Flink
 * POJO.
 */
public class ConversationTotal {

    public long tokens;
    public long lastEventTime;

    public ConversationTotal() {}
}
