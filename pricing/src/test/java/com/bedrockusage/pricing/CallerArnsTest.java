package com.bedrockusage.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CallerArnsTest {

    private static final Pattern APP = Pattern.compile("^(.+)-BedrockRole$");

    @Test
    void shouldTakeTheAppFromTheRoleNameOfAssumedRolesAndRoles() {
        assertThat(
                        CallerArns.app(
                                "arn:aws:sts::111122223333:assumed-role/ChatbotApp-BedrockRole/s-1",
                                APP))
                .isEqualTo("ChatbotApp");
        assertThat(CallerArns.app("arn:aws:iam::111122223333:role/teams/Search-BedrockRole", APP))
                .isEqualTo("Search");
    }

    @Test
    void shouldHaveNoAppForUsersUnmatchedRolesAndGarbage() {
        assertThat(CallerArns.app("arn:aws:iam::111122223333:user/alice", APP)).isNull();
        assertThat(CallerArns.app("arn:aws:sts::111122223333:assumed-role/Admin/s-1", APP))
                .isNull();
        assertThat(CallerArns.app("not an arn", APP)).isNull();
        assertThat(CallerArns.app(null, APP)).isNull();
    }

    @Test
    void shouldShortenCallersForMessages() {
        assertThat(
                        CallerArns.shortForm(
                                "arn:aws:sts::111122223333:assumed-role/ChatbotApp-BedrockRole/s-1"))
                .isEqualTo("ChatbotApp-BedrockRole/s-1");
        assertThat(CallerArns.shortForm("arn:aws:iam::111122223333:user/alice"))
                .isEqualTo("user/alice");
        assertThat(CallerArns.shortForm(null)).isNull();
    }

    @Test
    void shouldTakeTheFirstGroupThatMatchedSoOnePatternCoversSeveralConventions() {
        Pattern several =
                Pattern.compile(
                        "^(?:AWSReservedSSO_(.+)_[0-9a-f]{16}|(.+)-BedrockRole|lambda-(.+)-role)$");

        assertThat(
                        CallerArns.app(
                                "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_DataScience_0123456789abcdef/"
                                        + "alice@example.com",
                                several))
                .isEqualTo("DataScience");
        assertThat(
                        CallerArns.app(
                                "arn:aws:sts::111122223333:assumed-role/Search-BedrockRole/s-1",
                                several))
                .isEqualTo("Search");
        assertThat(
                        CallerArns.app(
                                "arn:aws:sts::111122223333:assumed-role/lambda-summarise-role/fn",
                                several))
                .isEqualTo("summarise");
    }

    @Test
    void shouldPreferTheGroupNamedApp() {
        Pattern named = Pattern.compile("^(team|svc)-(?<app>[^-]+)-.*$");

        assertThat(CallerArns.app("arn:aws:iam::111122223333:role/svc-checkout-prod", named))
                .isEqualTo("checkout");
    }
}
