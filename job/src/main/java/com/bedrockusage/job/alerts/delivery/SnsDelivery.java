package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.Alert;
import com.bedrockusage.job.alerts.DeliveredAlert;
import com.bedrockusage.job.alerts.SnsSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes one alert to SNS, retrying throttling, 5xx and transport errors with {@link Backoff} up
 * to {@code maxAttempts}. Never throws: the returned future always completes with a {@link
 * DeliveredAlert}.
 */
public final class SnsDelivery {

    /** Called before every retry; for metrics. */
    public interface RetryListener {
        void retrying(Alert alert, int failedAttempt, Throwable cause);
    }

    private final SnsAsyncClient client;
    private final ScheduledExecutorService scheduler;
    private final SnsSettings settings;
    private final Backoff backoff;
    private final RetryListener listener;

    public SnsDelivery(
            SnsAsyncClient client,
            ScheduledExecutorService scheduler,
            SnsSettings settings,
            RetryListener listener) {
        this.client = client;
        this.scheduler = scheduler;
        this.settings = settings;
        this.backoff = new Backoff(settings.backoffBase, settings.backoffCap);
        this.listener = listener;
    }

    public CompletableFuture<DeliveredAlert> publish(Alert alert) {
        CompletableFuture<DeliveredAlert> result = new CompletableFuture<>();
        attempt(alert, request(alert), 1, result);
        return result;
    }

    private void attempt(
            Alert alert, PublishRequest request, int n, CompletableFuture<DeliveredAlert> result) {
        CompletableFuture<?> call;
        try {
            call =
                    client.publish(request)
                            .thenApply(
                                    r -> {
                                        result.complete(
                                                DeliveredAlert.of(
                                                        alert,
                                                        DeliveredAlert.DELIVERED,
                                                        n,
                                                        r.messageId(),
                                                        null));
                                        return r;
                                    });
        } catch (RuntimeException e) {
            call = failed(e);
        }
        call.whenComplete(
                (ok, err) -> {
                    if (err == null) {
                        return;
                    }
                    Throwable cause = unwrap(err);
                    if (n < settings.maxAttempts && isRetryable(cause)) {
                        listener.retrying(alert, n, cause);
                        try {
                            scheduler.schedule(
                                    () -> attempt(alert, request, n + 1, result),
                                    backoff.delayMillis(n),
                                    TimeUnit.MILLISECONDS);
                            return;
                        } catch (RejectedExecutionException shuttingDown) {
                            // fall through: record the failure
                        }
                    }
                    result.complete(
                            DeliveredAlert.of(
                                    alert, DeliveredAlert.FAILED, n, null, describe(cause)));
                });
    }

    PublishRequest request(Alert alert) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        for (Map.Entry<String, String> e : AlertMessages.attributes(alert).entrySet()) {
            attributes.put(
                    e.getKey(),
                    MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(e.getValue())
                            .build());
        }
        PublishRequest.Builder b =
                PublishRequest.builder()
                        .topicArn(settings.topicArn)
                        .subject(AlertMessages.subject(alert))
                        .message(AlertMessages.body(alert))
                        .messageAttributes(attributes);
        if (settings.isFifo()) {
            b.messageGroupId(alert.ruleId).messageDeduplicationId(alert.alertId);
        }
        return b.build();
    }

    static boolean isRetryable(Throwable t) {
        if (t instanceof AwsServiceException) {
            AwsServiceException e = (AwsServiceException) t;
            return e.isThrottlingException() || e.statusCode() >= 500;
        }
        // connection refused/reset, timeouts: transient on the way to SNS
        return t instanceof SdkClientException;
    }

    public static String describe(Throwable t) {
        if (t instanceof AwsServiceException
                && ((AwsServiceException) t).awsErrorDetails() != null) {
            AwsServiceException e = (AwsServiceException) t;
            return e.awsErrorDetails().errorCode()
                    + " (HTTP "
                    + e.statusCode()
                    + "): "
                    + e.awsErrorDetails().errorMessage();
        }
        String m = t.getClass().getSimpleName() + ": " + t.getMessage();
        return m.length() > 500 ? m.substring(0, 500) : m;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static CompletableFuture<?> failed(Throwable t) {
        CompletableFuture<?> f = new CompletableFuture<>();
        f.completeExceptionally(t);
        return f;
    }
}
