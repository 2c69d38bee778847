package com.bedrockusage.job.qdeveloper;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.source.BedrockLogPathFilter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QDeveloperPathFilterTest {

    final BedrockLogPathFilter filter = BedrockLogPathFilter.all();

    @Test
    void shouldReadPromptLogsAndActivityReportsButNoOtherCsv() {
        assertThat(
                        filter.acceptFile(
                                Arrays.asList(
                                        "AWSLogs",
                                        "111122223333",
                                        "QDeveloperLogs",
                                        "GenerateAssistantResponse",
                                        "us-east-1",
                                        "2025",
                                        "01",
                                        "06",
                                        "15",
                                        "a.json.gz")))
                .isTrue();
        assertThat(
                        filter.acceptFile(
                                Arrays.asList(
                                        "AWSLogs",
                                        "111122223333",
                                        "QDeveloperLogs",
                                        "by_user_analytic",
                                        "us-east-1",
                                        "2025",
                                        "01",
                                        "07",
                                        "00",
                                        "111122223333_by_user_analytic_1.csv")))
                .isTrue();
        assertThat(
                        filter.acceptFile(
                                Arrays.asList(
                                        "AWSLogs",
                                        "111122223333",
                                        "BedrockModelInvocationLogs",
                                        "us-east-1",
                                        "2025",
                                        "01",
                                        "07",
                                        "00",
                                        "export.csv")))
                .isFalse();
        assertThat(
                        filter.acceptFile(
                                Arrays.asList(
                                        "AWSLogs",
                                        "111122223333",
                                        "QDeveloperLogs",
                                        "by_user_analytic",
                                        "us-east-1",
                                        "notes.csv")))
                .isFalse();
    }
}
