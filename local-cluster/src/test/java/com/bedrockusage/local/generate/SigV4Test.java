package com.bedrockusage.local.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Our signer against the AWS SDK's (the job's SDK modules on the test classpath). */
class SigV4Test {

    @Test
    void shouldSignExactlyLikeTheAwsSdk() {
        Instant now = Instant.parse("2026-11-01T12:34:56Z");
        byte[] body =
                "{\"StreamARN\":\"arn:aws:kinesis:eu-west-1:1:stream/s\",\"Records\":[]}"
                        .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", "Kinesis_20131202.PutRecords");

        Map<String, String> ours =
                new SigV4(
                                "AKIDEXAMPLE",
                                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                null,
                                "eu-west-1",
                                "kinesis")
                        .sign("127.0.0.1:4567", "/", headers, body, now);

        SdkHttpRequest.Builder request =
                SdkHttpRequest.builder()
                        .method(SdkHttpMethod.POST)
                        .uri(URI.create("http://127.0.0.1:4567/"));
        headers.forEach(request::putHeader);
        SignedRequest signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(
                                                        AwsCredentialsIdentity.create(
                                                                "AKIDEXAMPLE",
                                                                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
                                                .request(request.build())
                                                .payload(ContentStreamProvider.fromByteArray(body))
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        "kinesis")
                                                .putProperty(
                                                        AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                                                .putProperty(
                                                        HttpSigner.SIGNING_CLOCK,
                                                        Clock.fixed(now, ZoneOffset.UTC)));

        assertThat(ours.get("authorization"))
                .isEqualTo(signed.request().firstMatchingHeader("Authorization").orElseThrow());
        assertThat(ours.get("x-amz-date")).isEqualTo("20261101T123456Z");
    }
}
