package com.bedrockusage.job.alerts.delivery;

import com.bedrockusage.job.alerts.SnsSettings;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsAsyncClientBuilder;

/**
 * Builds the SNS client. The SDK's own retries are off: {@link SnsDelivery} retries itself so it
 * can count attempts and report them with the alert.
 */
public final class SnsClients {

    static final String DEFAULT_REGION = "us-east-1";

    private SnsClients() {}

    public static SnsAsyncClient create(SnsSettings s) {
        SnsAsyncClientBuilder b =
                SnsAsyncClient.builder()
                        .region(Region.of(s.region != null ? s.region : DEFAULT_REGION))
                        .credentialsProvider(credentials(s))
                        .httpClientBuilder(
                                NettyNioAsyncHttpClient.builder()
                                        .maxConcurrency(Math.max(2, s.maxInFlight)))
                        .overrideConfiguration(
                                o ->
                                        o.retryStrategy(AwsRetryStrategy.doNotRetry())
                                                .apiCallTimeout(s.attemptTimeout));
        if (s.endpoint != null) {
            b.endpointOverride(URI.create(s.endpoint));
        }
        return b.build();
    }

    /**
     * The default chain on AWS (MSF: the application's role). For a loopback endpoint: credentials
     * from the environment, system properties or a profile if there are any, else dummy ones; never
     * the instance or container metadata endpoints, which a local run has no business calling.
     */
    static AwsCredentialsProvider credentials(SnsSettings s) {
        if (!s.isLoopbackEndpoint()) {
            return DefaultCredentialsProvider.builder().build();
        }
        AwsCredentialsProvider[] local = {
            EnvironmentVariableCredentialsProvider.create(),
            SystemPropertyCredentialsProvider.create(),
            ProfileCredentialsProvider.create()
        };
        for (AwsCredentialsProvider p : local) {
            try {
                p.resolveCredentials();
                return p;
            } catch (RuntimeException noneHere) {
                // try the next one
            }
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
