package com.bedrockusage.job.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BilledPrincipalsTest {

    @Test
    void shouldBillAnAssumedRoleToItsRoleWithOrWithoutTheSession() {
        String role = "arn:aws:iam::111111111111:role/Checkout-BedrockRole";
        assertThat(
                        BilledPrincipals.of(
                                "arn:aws:sts::111111111111:assumed-role/Checkout-BedrockRole/i-0abc"))
                .isEqualTo(role);
        // usage_daily keys callers this way with pipeline.caller-key=principal (the default)
        assertThat(
                        BilledPrincipals.of(
                                "arn:aws:sts::111111111111:assumed-role/Checkout-BedrockRole"))
                .isEqualTo(role);
    }

    @Test
    void shouldKeepUsersAndRolesAndRefuseNothing() {
        assertThat(BilledPrincipals.of("arn:aws:iam::222222222222:user/alice"))
                .isEqualTo("arn:aws:iam::222222222222:user/alice");
        assertThat(BilledPrincipals.of("arn:aws:iam::111111111111:role/R"))
                .isEqualTo("arn:aws:iam::111111111111:role/R");
        assertThat(BilledPrincipals.of("")).isNull();
    }
}
