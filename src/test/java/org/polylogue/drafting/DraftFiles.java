package org.polylogue.drafting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

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
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.setLeading(16);
                content.newLineAtOffset(60, 720);
                for (String paragraph : paragraphs) {
                    content.showText(paragraph);
                    content.newLine();
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] protectedPdf() {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            var policy = new StandardProtectionPolicy("owner secret", "user secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real DOCX whose main part inflates to {@code megabytes} MB: a zip bomb that looks like a draft. */
    static byte[] docxBomb(int megabytes) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx("Start.")));
                var out = new ByteArrayOutputStream(); var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.setLevel(9);
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                            + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] chunk = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < megabytes; i++) {
                        zip.write(chunk);
                    }
                    zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
