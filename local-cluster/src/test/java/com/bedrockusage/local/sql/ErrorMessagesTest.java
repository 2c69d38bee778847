package com.bedrockusage.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void shouldKeepTheFirstLineOfParseAndValidationErrors() {
        RuntimeException e =
                new RuntimeException(
                        "SQL parse failed. Encountered \"SELEC\" at line 1\nWas expecting:\n...");

        assertThat(ErrorMessages.oneLine(e))
                .isEqualTo("SQL parse failed. Encountered \"SELEC\" at line 1");
    }

    @Test
    void shouldAddTheRootCauseOfOtherFailures() {
        RuntimeException e =
                new RuntimeException(
                        "Job execution failed.",
                        new IllegalStateException(
                                "wrapper", new ArithmeticException("Division by zero\n  detail")));

        assertThat(ErrorMessages.oneLine(e)).isEqualTo("Job execution failed.: Division by zero");
    }

    @Test
    void shouldNameTheExceptionWhenThereIsNoMessage() {
        assertThat(ErrorMessages.oneLine(new NullPointerException()))
                .isEqualTo("NullPointerException");
    }
}
