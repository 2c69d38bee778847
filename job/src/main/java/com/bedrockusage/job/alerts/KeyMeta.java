package com.bedrockusage.job.alerts;

/** Per rule and scope key, beyond any one window. A Flink POJO. */
public class KeyMeta {

    /**
     * The earliest window this key was seen in: spike rules arm only once a full baseline has been
     * observed.
     */
    public long firstWindowStart;

    /**
     * Windows starting at or before this were dropped from state; hits for them are late and
     * ignored.
     */
    public long cleanedThrough = Long.MIN_VALUE;

    public KeyMeta() {}
}
