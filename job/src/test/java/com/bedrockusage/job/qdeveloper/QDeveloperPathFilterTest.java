package com.bedrockusage.job.qdeveloper;

import static org.assertj.core.api.Assertions.assertThat;

import com.bedrockusage.job.ingest.source.BedrockLogPathFilter;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QDeveloperPathFilterTest {

    final BedrockLogPathFilter filter = BedrockLogPathFilter.all();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "AWSLogs/111122223333/QDeveloperLogs/GenerateAssistantResponse/us-east-1/2025/01/06/15/a.json.gz, true",
        "AWSLogs/111122223333/QDeveloperLogs/by_user_analytic/us-east-1/2025/01/07/00/111122223333_by_user_analytic_1.csv, true",
        "AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2025/01/07/00/export.csv, false",
        "AWSLogs/111122223333/QDeveloperLogs/by_user_analytic/us-east-1/notes.csv, false",
    })
    void shouldReadPromptLogsAndActivityReportsButNoOtherCsv(String path, boolean accepted) {
        assertThat(filter.acceptFile(Arrays.asList(path.split("/")))).isEqualTo(accepted);
    }
}
