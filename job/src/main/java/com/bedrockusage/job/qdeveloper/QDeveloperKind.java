package com.bedrockusage.job.qdeveloper;

/**
 * What a Q Developer prompt-log record is, told by its request key (the log-type folder only says
 * where AWS filed it): {@code chat} (GenerateAssistantResponse), {@code inline}
 * (GenerateCompletions), {@code dev} (StartTaskAssistCodeGeneration, the {@code /dev} agent).
 */
public final class QDeveloperKind {

    public static final String CHAT = "chat";
    public static final String INLINE = "inline";
    public static final String DEV = "dev";

    private QDeveloperKind() {}
}
