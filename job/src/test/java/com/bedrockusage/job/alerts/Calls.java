package com.bedrockusage.job.alerts;

import com.bedrockusage.job.model.Invocation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** Test invocations: priced, successful, from one account and caller unless told otherwise. */
public final class Calls {

    public static final String ACCOUNT = "111122223333";
    public static final String OTHER_ACCOUNT = "444455556666";
    public static final String CHATBOT =
            "arn:aws:sts::111122223333:assumed-role/ChatbotApp-BedrockRole/i-0abc";
    public static final String SEARCH =
            "arn:aws:sts::111122223333:assumed-role/SearchApp-BedrockRole/i-0def";
    public static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    public static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final String SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";
    public static final String TITAN = "amazon.titan-text-express-v1";

    private static final AtomicLong IDS = new AtomicLong();

    private final Invocation inv = new Invocation();

    private Calls(long eventTime) {
        inv.requestId = "req-" + IDS.incrementAndGet();
        inv.eventTime = eventTime;
        inv.accountId = ACCOUNT;
        inv.region = "us-east-1";
        inv.callerArn = CHATBOT;
        inv.operation = "Converse";
        inv.modelId = HAIKU;
        inv.model = HAIKU;
        inv.priced = true;
        inv.costUsd = BigDecimal.ZERO;
        inv.source = Invocation.SOURCE_KINESIS;
        inv.latencyMs = 500L;
    }

    public static Calls at(String isoInstant) {
        return new Calls(Instant.parse(isoInstant).toEpochMilli());
    }

    public static Calls at(long epochMillis) {
        return new Calls(epochMillis);
    }

    public Calls account(String a) {
        inv.accountId = a;
        return this;
    }

    public Calls caller(String arn) {
        inv.callerArn = arn;
        return this;
    }

    public Calls model(String id) {
        inv.modelId = id;
        inv.model = id;
        return this;
    }

    public Calls tokens(long in, long out) {
        inv.inputTokens = in;
        inv.outputTokens = out;
        return this;
    }

    public Calls cost(String usd) {
        inv.priced = true;
        inv.costUsd = new BigDecimal(usd);
        return this;
    }

    public Calls unpriced() {
        inv.priced = false;
        inv.costUsd = null;
        inv.model = null;
        return this;
    }

    public Calls error(String code) {
        inv.errorCode = code;
        return this;
    }

    public Calls latency(long ms) {
        inv.latencyMs = ms;
        return this;
    }

    public Calls tag(String key, String value) {
        inv.metadataKeys = Arrays.copyOf(inv.metadataKeys, inv.metadataKeys.length + 1);
        inv.metadataValues = Arrays.copyOf(inv.metadataValues, inv.metadataValues.length + 1);
        inv.metadataKeys[inv.metadataKeys.length - 1] = key;
        inv.metadataValues[inv.metadataValues.length - 1] = value;
        return this;
    }

    public Invocation build() {
        return inv;
    }

    public static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
