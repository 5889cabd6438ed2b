package org.polylogue.drafting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.polylogue.submission.SubmissionFiles;

/** Draft files made in the tests: DOCX with heading styles, PDF, protected PDF, a DOCX zip bomb. */
final class DraftFiles {

    private DraftFiles() {}

    /** Lines starting with "# " become Heading1 paragraphs, the others body paragraphs. */
    static byte[] docx(String... lines) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            var styles = document.createStyles();
            var style = new org.apache.poi.xwpf.usermodel.XWPFStyle(
                    org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle.Factory.newInstance(), styles);
            style.getCTStyle().setStyleId("Heading1");
            style.getCTStyle().addNewName().setVal("heading 1");
            style.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType.PARAGRAPH);
            styles.addStyle(style);
            for (String line : lines) {
                var paragraph = document.createParagraph();
                if (line.startsWith("# ")) {
                    paragraph.setStyle("Heading1");
                    paragraph.createRun().setText(line.substring(2));
                } else {
                    paragraph.createRun().setText(line);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(String... paragraphs) {
        return SubmissionFiles.pdf(paragraphs);
    }

    static byte[] protectedPdf() {
        return SubmissionFiles.encryptedPdf();
    }

    /** A real DOCX whose main part inflates to {@code megabytes} MB: a zip bomb that looks like a draft. */
    static byte[] docxBomb(int megabytes) {
        return SubmissionFiles.docxBomb(megabytes);
    }
}
