package org.polylogue.publishing.internal;

import java.time.Instant;
import java.util.List;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportSource;

/** The README.md and LICENSE.txt of an export, written from the sources' own descriptions. */
final class ExportReadme {

    private ExportReadme() {}

    static String text(String title, Instant generatedAt, ExportSettings settings, List<ExportSource> sources) {
        var out = new StringBuilder();
        out.append("# Polylogue open data: ").append(title).append("\n\n");
        out.append("Generated at ").append(generatedAt).append(" (UTC). Licence: ").append(settings.licenceName())
                .append(" (").append(settings.licenceUrl()).append("); see LICENSE.txt. Please credit "
                        + "\"Polylogue\" and the authors named in the data.\n\n");
        out.append("""
                ## Format

                Each kind of item comes twice with the same rows and columns:

                - `<kind>.csv`: CSV as in RFC 4180 (comma separated, fields with commas, quotes or line breaks
                  in double quotes, CRLF line ends), UTF-8 without byte order mark, a header row. Against
                  CSV injection, a text value starting with `=`, `+`, `-`, `@`, a tab or a carriage return
                  starts with one extra single quote `'` in the CSV (so a spreadsheet shows it as text
                  instead of running it as a formula); this includes ordinary text such as "- a dash
                  sentence". Drop that first `'` from such cells to get the stored value. Numbers (even
                  negative ones) are not changed.
                - `<kind>.jsonl`: JSON Lines, one object per line, keys as the CSV header; numbers and
                  booleans are typed, absent values are `null`. Values are exactly as stored, with no
                  quote added: prefer these files when the exact text matters.

                Ids are stable: the same item has the same id in every export and in the API
                (`/api/v1/...`) and pages. Timestamps are ISO-8601 in UTC. Items hidden by the moderators
                keep their id and the moderators' notice (`hidden_rule`, `hidden_reason`, `hidden_at`); their
                text is left empty. Drafts of joint statements and anything else not public on the platform
                are not exported.

                ## Files

                - `README.md`: this description.
                - `LICENSE.txt`: the licence of the data.
                - `manifest.json`: what the export covers, when it was generated, and the number of rows of
                  every file.
                """);
        for (ExportSource source : sources) {
            out.append("- `").append(source.kind()).append(".csv` and `").append(source.kind())
                    .append(".jsonl`: ").append(source.description()).append("\n");
        }
        for (ExportSource source : sources) {
            out.append("\n## ").append(source.kind()).append(" (`").append(source.kind()).append(".csv`, `")
                    .append(source.kind()).append(".jsonl`)\n\n").append(source.description()).append("\n\n");
            out.append("| column | meaning |\n|---|---|\n");
            for (ExportColumn column : source.columns()) {
                out.append("| `").append(column.name()).append("` | ")
                        .append(column.description().replace("|", "\\|").replace("\n", " ")).append(" |\n");
            }
        }
        return out.toString();
    }

    static String licence(ExportSettings settings) {
        String text = "The data in this archive is published under " + settings.licenceName() + ".\n"
                + settings.licenceUrl() + "\n";
        if (!settings.licenceName().startsWith("CC BY 4.0")) {
            return text;
        }
        return text + "\n"
                + "You may share and adapt it for any purpose, provided you give appropriate credit\n"
                + "(\"Polylogue\" and the authors and organisations named in the data), link to the\n"
                + "licence, and indicate if changes were made.\n";
    }
}
