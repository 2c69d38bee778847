package com.bedrockusage.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ReadmeConfigTableTest {

    @Test
    void shouldDocumentEveryKeyInTheReadme() throws IOException {
        String readme =
                new String(Files.readAllBytes(Paths.get("../README.md")), StandardCharsets.UTF_8);
        assertThat(readme)
                .as(
                        "README.md configuration table; regenerate it with: "
                                + "java -cp job/target/classes com.bedrockusage.job.config.ConfigTable")
                .contains(ConfigTable.markdown());
    }
}
