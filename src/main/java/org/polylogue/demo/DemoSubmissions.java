package org.polylogue.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.polylogue.shared.security.Actor;
import org.polylogue.submission.Submissions;
import org.polylogue.submission.UploadSubmission;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * A written submission on the demo's open consultation: a real, searchable PDF position paper made
 * with PDFBox at seed time and uploaded through the submission facade like any other.
 */
@Component
class DemoSubmissions {

    static final String ORGANIZATION = "Sahel Digital Rights Collective";

    static final List<String> PAPER = List.of(
            "Position paper: a permanent mechanism that hears those affected",
            "Sahel Digital Rights Collective, submission on the zero draft",
            "1. The permanent mechanism should hold at least one open session each year in which non-governmental "
                    + "stakeholders from every region can speak, with remote participation and interpretation into "
                    + "the six official languages, so that communities far from New York and Geneva are heard.",
            "2. Accreditation of stakeholders should follow published criteria and a time limit. An objection by a "
                    + "member state should be given in writing with its reasons, and the organisation concerned "
                    + "should be able to answer before a decision is taken.",
            "3. Capacity-building deserves a dedicated thematic group. Many incident response teams in West Africa "
                    + "work with a handful of staff; exchanges of practice, shared training and regional points of "
                    + "contact would make the agreed norms real where they are weakest.",
            "4. The mechanism should report each year on how the norm protecting critical infrastructure, including "
                    + "health care and electricity, has been implemented, drawing on national surveys and on "
                    + "contributions from operators and civil society.",
            "We thank the Chair for the zero draft and remain ready to contribute to the next revision.");

    private final Submissions submissions;

    DemoSubmissions(Submissions submissions) {
        this.submissions = submissions;
    }

    void seed(String consultationSlug, Map<String, Actor> representatives, Map<String, String> organizationIds) {
        byte[] pdf = pdf(PAPER);
        submissions.upload(consultationSlug, new UploadSubmission(
                "A permanent mechanism that hears those affected",
                "Open sessions with remote participation, accreditation with published criteria and a right to "
                        + "answer objections, a thematic group on capacity-building, and yearly reporting on the "
                        + "protection of critical infrastructure.",
                organizationIds.get(ORGANIZATION), "sahel-digital-rights-position-paper.pdf", pdf.length,
                new ByteArrayResource(pdf)), representatives.get(ORGANIZATION)).orThrow();
    }

    /** An A4 PDF with real text (Helvetica, wrapped lines, a new page when one is full). */
    static byte[] pdf(List<String> paragraphs) {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(paragraphs.getFirst());
            info.setAuthor(ORGANIZATION);
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float width = PDRectangle.A4.getWidth() - 144;
            List<String[]> lines = new ArrayList<>();
            for (int i = 0; i < paragraphs.size(); i++) {
                var f = i == 0 ? bold : font;
                float size = i == 0 ? 15 : 11;
                StringBuilder line = new StringBuilder();
                for (String word : paragraphs.get(i).split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (f.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                        lines.add(new String[] {i == 0 ? "b" : "r", line.toString()});
                        line = new StringBuilder(word);
                    } else {
                        line = new StringBuilder(candidate);
                    }
                }
                lines.add(new String[] {i == 0 ? "b" : "r", line.toString()});
                lines.add(new String[] {"r", ""});
            }
            PDPageContentStream content = null;
            float y = 0;
            for (String[] line : lines) {
                if (content == null || y < 72) {
                    if (content != null) {
                        content.endText();
                        content.close();
                    }
                    var page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    content = new PDPageContentStream(document, page);
                    content.beginText();
                    y = PDRectangle.A4.getHeight() - 72;
                    content.newLineAtOffset(72, y);
                }
                boolean heading = line[0].equals("b");
                content.setFont(heading ? bold : font, heading ? 15 : 11);
                content.showText(line[1]);
                content.newLineAtOffset(0, heading ? -20 : -15);
                y -= heading ? 20 : 15;
            }
            if (content != null) {
                content.endText();
                content.close();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
