package org.polylogue.publishing;

/**
 * One column of an exported file.
 *
 * @param name the header in the CSV and the key in the JSON Lines ({@code snake_case})
 * @param description one sentence for the README
 */
public record ExportColumn(String name, String description) {

    public ExportColumn {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("A column name is snake_case: " + name);
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Column " + name + " needs a description");
        }
    }

    public static ExportColumn of(String name, String description) {
        return new ExportColumn(name, description);
    }
}
