package com.bedrockusage.local.sql;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.types.Row;

/** Prints the rows of one query result. */
public interface ResultPrinter {

    /**
     * @return the number of rows printed
     */
    long print(List<String> columns, Iterator<Row> rows, PrintStream out);
}
