package com.bedrockusage.job.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.SnsSettings;
import com.bedrockusage.job.testing.LoopbackSns;
import com.bedrockusage.job.testing.LoopbackSns.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

class SnsDeliveryTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger retries = new AtomicInteger();
    private LoopbackSns sns;
    private SnsAsyncClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (sns != null) {
            sns.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void shouldRetryThrottlingAndServerErrorsThenDeliver() throws Exception {
        DeliveredAlert d =
                deliver(
                        n -> n == 1 ? Reply.THROTTLE : n == 2 ? Reply.SERVER_ERROR : Reply.OK,
                        6,
                        LoopbackSns.TOPIC_ARN);

        assertThat(d.status).isEqualTo(DeliveredAlert.DELIVERED);
        assertThat(d.attempts).isEqualTo(3);
        List<LoopbackSns.Request> requests = sns.requests();
        assertThat(requests).hasSize(3);
        assertThat(d.messageId).isEqualTo(requests.get(2).messageId);
        assertThat(retries).hasValue(2);
        assertThat(requests)
                .allSatisfy(
                        r -> {
                            assertThat(r.action()).isEqualTo("Publish");
                            assertThat(r.topicArn()).isEqualTo(LoopbackSns.TOPIC_ARN);
                            assertThat(r.subject())
                                    .isEqualTo(
                                            "[HIGH] Bedrock daily budget: account 111122223333 at $52.10 of $50");
                            assertThat(r.attributes)
                                    .containsEntry("cost_usd", "52.104")
                                    .containsEntry("severity", "high");
                            assertThat(r.attributeTypes.values()).containsOnly("String");
                        });
    }

    @Test
    void shouldGiveUpAfterMaxAttemptsAndRecordTheError() throws Exception {
        DeliveredAlert d = deliver(n -> Reply.THROTTLE, 3, LoopbackSns.TOPIC_ARN);

        assertFailedAfter(d, 3).startsWith("Throttling (HTTP 400): Rate exceeded");
        assertThat(sns.requests()).hasSize(3);
    }

    @Test
    void shouldNotRetryAClientError() throws Exception {
        DeliveredAlert d = deliver(n -> Reply.NOT_FOUND, 6, LoopbackSns.TOPIC_ARN);

        assertFailedAfter(d, 1).startsWith("NotFound (HTTP 404)");
    }

    @Test
    void shouldDeduplicateOnFifoTopicsByAlertId() throws Exception {
        deliver(n -> Reply.OK, 6, LoopbackSns.TOPIC_ARN + ".fifo");

        LoopbackSns.Request r = sns.requests().get(0);
        assertThat(r.form)
                .containsEntry("MessageDeduplicationId", TestAlerts.dailyBudget().alertId)
                .containsEntry("MessageGroupId", "daily-budget");
    }

    @Test
    void shouldRecordAnUnreachableEndpointAsAFailureAfterRetries() throws Exception {
        sns = LoopbackSns.alwaysOk();
        String endpoint = sns.endpoint();
        sns.close();
        DeliveredAlert d = publish(settings(endpoint, 2, LoopbackSns.TOPIC_ARN));

        assertFailedAfter(d, 2).isNotBlank();
        sns = null;
    }

    private DeliveredAlert deliver(
            java.util.function.IntFunction<Reply> replies, int maxAttempts, String topic)
            throws Exception {
        sns = LoopbackSns.start(replies);
        return publish(settings(sns.endpoint(), maxAttempts, topic));
    }

    /** Publishes the daily-budget alert with {@code s}, counting retries. */
    private DeliveredAlert publish(SnsSettings s) throws Exception {
        client = SnsClients.create(s);
        return new SnsDelivery(client, scheduler, s, (a, n, c) -> retries.incrementAndGet())
                .publish(TestAlerts.dailyBudget())
                .get(30, TimeUnit.SECONDS);
    }

    /** Checks that {@code d} failed after {@code attempts}; goes on with its error. */
    private static AbstractStringAssert<?> assertFailedAfter(DeliveredAlert d, int attempts) {
        assertThat(d.status).isEqualTo(DeliveredAlert.FAILED);
        assertThat(d.attempts).isEqualTo(attempts);
        return assertThat(d.error);
    }

    static SnsSettings settings(String endpoint, int maxAttempts, String topic) {
        return new SnsSettings(
                topic,
                "us-east-1",
                endpoint,
                4,
                maxAttempts,
                Duration.ofSeconds(5),
                Duration.ofMillis(20),
                Duration.ofMillis(200));
    }
}
