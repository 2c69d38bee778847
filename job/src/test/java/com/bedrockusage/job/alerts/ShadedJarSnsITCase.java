package com.bedrockusage.job.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.delivery.SnsClients;
import com.bedrockusage.job.testing.LoopbackSns;
import com.bedrockusage.job.testing.ShadedJar;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Alerts reach SNS through the SDK's Netty client, which no e2e run calls: build the job's own SNS
 * client ({@code SnsClients.create}) from the shaded jar alone and publish to a loopback SNS.
 */
class ShadedJarSnsITCase {

    @Test
    void shouldPublishThroughTheSnsClientOfTheShadedJar() throws Exception {
        try (ShadedJar shaded = ShadedJar.inTarget();
                LoopbackSns sns = LoopbackSns.alwaysOk()) {
            Object settings =
                    shaded.load(SnsSettings.class.getName())
                            .getConstructor(
                                    String.class,
                                    String.class,
                                    String.class,
                                    int.class,
                                    int.class,
                                    Duration.class,
                                    Duration.class,
                                    Duration.class)
                            .newInstance(
                                    LoopbackSns.TOPIC_ARN,
                                    "us-east-1",
                                    sns.endpoint(),
                                    2,
                                    1,
                                    Duration.ofSeconds(30),
                                    Duration.ofMillis(100),
                                    Duration.ofSeconds(1));
            Object client = shaded.callStatic(SnsClients.class.getName(), "create", settings);
            try {
                String builderType =
                        "software.amazon.awssdk.services.sns.model.PublishRequest$Builder";
                Object builder =
                        shaded.callStatic(
                                "software.amazon.awssdk.services.sns.model.PublishRequest",
                                "builder");
                shaded.call(builder, builderType, "topicArn", LoopbackSns.TOPIC_ARN);
                shaded.call(builder, builderType, "message", "shaded-jar probe");
                Object request = shaded.call(builder, builderType, "build");
                CompletableFuture<?> sent =
                        (CompletableFuture<?>)
                                shaded.call(
                                        client,
                                        "software.amazon.awssdk.services.sns.SnsAsyncClient",
                                        "publish",
                                        request);
                sent.get(60, TimeUnit.SECONDS);
            } finally {
                ((AutoCloseable) client).close();
            }
            assertThat(sns.requests())
                    .singleElement()
                    .satisfies(
                            r -> {
                                assertThat(r.action()).isEqualTo("Publish");
                                assertThat(r.message()).isEqualTo("shaded-jar probe");
                            });
        }
    }
}
