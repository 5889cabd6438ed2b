package org.polylogue.publishing;

/** Receives the rows of one {@link ExportSource}, one call per row, values in column order. */
@FunctionalInterface
public interface ExportSink {

    /** One row; throws {@link IllegalArgumentException} when the number of values is not the number of columns. */
    void row(Object... values);
}
