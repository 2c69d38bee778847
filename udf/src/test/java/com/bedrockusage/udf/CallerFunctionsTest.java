package com.bedrockusage.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerFunctionsTest {

    private static final String ASSUMED =
            "arn:aws:sts::123456789012:assumed-role/Checkout-BedrockRole/i-0abc@worker.1";
    private static final String ROLE =
            "arn:aws:iam::123456789012:role/service/DataAnalysis-BedrockRole";
    private static final String USER = "arn:aws:iam::123456789012:user/engineering/alice";

    private final CallerPrincipal principal = new CallerPrincipal();
    private final CallerSession session = new CallerSession();
    private final CallerApp app = new CallerApp();

    @Test
    void shouldNameTheRoleOrUserBehindACaller() {
        assertThat(principal.eval(ASSUMED)).isEqualTo("Checkout-BedrockRole");
        assertThat(principal.eval(ROLE)).isEqualTo("DataAnalysis-BedrockRole");
        assertThat(principal.eval(USER)).isEqualTo("alice");
        assertThat(principal.eval("arn:aws:iam::123456789012:root")).isEqualTo("root");
        assertThat(principal.eval("arn:aws:sts::123456789012:federated-user/bob")).isEqualTo("bob");
        assertThat(principal.eval("arn:aws-us-gov:sts::123456789012:assumed-role/Gov/s"))
                .isEqualTo("Gov");
    }

    @Test
    void shouldGiveTheSessionOfAssumedRolesOnly() {
        assertThat(session.eval(ASSUMED)).isEqualTo("i-0abc@worker.1");
        assertThat(session.eval(ROLE)).isNull();
        assertThat(session.eval(USER)).isNull();
        assertThat(session.eval("arn:aws:sts::123456789012:assumed-role/NoSession")).isNull();
        assertThat(session.eval("arn:aws:sts::123456789012:assumed-role/NoSession/")).isNull();
    }

    @Test
    void shouldTakeTheAppFromTheRoleNamingConvention() {
        assertThat(app.eval(ASSUMED)).isEqualTo("Checkout");
        assertThat(app.eval(ROLE)).isEqualTo("DataAnalysis");
        assertThat(app.eval("arn:aws:sts::123456789012:assumed-role/Admin/alice")).isNull();
        assertThat(app.eval(USER)).as("users are not roles").isNull();
        assertThat(app.eval("arn:aws:sts::123456789012:assumed-role/-BedrockRole/x")).isNull();
    }

    @Test
    void shouldUseAConfiguredAppPattern() {
        CallerApp custom = new CallerApp("^svc-([a-z]+)-");

        assertThat(custom.eval("arn:aws:sts::123456789012:assumed-role/svc-billing-prod/s"))
                .isEqualTo("billing");
        assertThat(custom.eval(ASSUMED)).isNull();
        assertThat(new CallerApp("Analysis").eval(ROLE))
                .as("no group: the whole match")
                .isEqualTo("Analysis");
    }

    @Test
    void shouldRejectAnInvalidAppPatternWithItsSettingName() {
        assertThatThrownBy(() -> new CallerApp("([unclosed").eval(ASSUMED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bedrock.app-pattern")
                .hasMessageContaining("([unclosed");
    }

    @Test
    void shouldReturnNullForNullAndMalformedArns() {
        String[] malformed = {
            null,
            "",
            "   ",
            "Checkout-BedrockRole",
            "arn:aws:sts",
            "arn:aws:sts::123456789012:",
            "arn:aws:s3:::bucket/key",
            "arn:aws:iam::123456789012:group/devs",
            "arn::sts::1:assumed-role/A/b",
            "arn:aws:sts::123456789012:assumed-role/",
            "arn:aws:iam::123456789012:user/"
        };
        for (String arn : malformed) {
            assertThat(principal.eval(arn)).as("principal of %s", arn).isNull();
            assertThat(session.eval(arn)).as("session of %s", arn).isNull();
            assertThat(app.eval(arn)).as("app of %s", arn).isNull();
        }
    }
}
