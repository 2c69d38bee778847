package com.bedrockusage.local.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void shouldSplitAtSemicolonsOutsideStringsIdentifiersAndComments() {
        List<SqlScript.Statement> s =
                SqlScript.split(
                        "-- header; not a statement\n"
                                + "SELECT 'a;b', `c;d`, \"e;f\" FROM t; /* block;\ncomment */ SELECT 'it''s;' ;\n"
                                + "\n  SELECT 3");

        assertThat(s)
                .extracting(SqlScript.Statement::sql)
                .containsExactly(
                        "-- header; not a statement\nSELECT 'a;b', `c;d`, \"e;f\" FROM t",
                        "/* block;\ncomment */ SELECT 'it''s;'",
                        "SELECT 3");
        assertThat(s).extracting(SqlScript.Statement::line).containsExactly(2, 3, 5);
    }

    @Test
    void shouldDropStatementsWithOnlyCommentsOrBlanks() {
        assertThat(SqlScript.split(";;  -- nothing\n /* at all */ ;\n")).isEmpty();
        assertThat(SqlScript.split("")).isEmpty();
    }

    @Test
    void shouldKeepAnUnterminatedStringToTheEnd() {
        assertThat(SqlScript.split("SELECT 'open; still open"))
                .extracting(SqlScript.Statement::sql)
                .containsExactly("SELECT 'open; still open");
    }

    @Test
    void shouldFindTheFirstKeywordAfterComments() {
        assertThat(SqlRunner.firstKeyword("-- x\n /* y */ insert INTO t SELECT 1"))
                .isEqualTo("INSERT");
        assertThat(SqlRunner.firstKeyword("(SELECT 1)")).isEmpty();
    }
}
