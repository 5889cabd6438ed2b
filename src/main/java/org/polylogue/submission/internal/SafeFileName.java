package org.polylogue.submission.internal;

import java.text.Normalizer;

/** A file name that is safe in a Content-Disposition header and on any disk. */
public final class SafeFileName {

    private SafeFileName() {}

    /** The name without folders or odd characters, with the extension of the type the content has. */
    public static String of(String given, String extension) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[^\\p{L}\\p{N} ._()-]", "_")
                .replaceAll("^[ ._]+", "").strip();
        if (name.length() > 100) {
            name = name.substring(0, 100).strip();
        }
        if (name.isEmpty()) {
            name = "submission";
        }
        return name + "." + extension;
    }
}
