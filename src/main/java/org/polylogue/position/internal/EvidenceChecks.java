package org.polylogue.position.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.position.EvidenceKind;
import org.polylogue.position.RecordStance;
import org.polylogue.position.internal.PositionRepository.EvidenceRow;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Refusal.FieldMessage;
import org.polylogue.shared.Result;
import org.polylogue.statement.JointStatements;
import org.polylogue.submission.SubmissionView;
import org.polylogue.submission.Submissions;
import org.springframework.stereotype.Component;

/**
 * Turns the evidence of a request into rows to store, or field messages ({@code evidence[i].id},
 * {@code evidence[i].url}...). Comments and submissions must belong to a consultation of the
 * process; statements must be published; links must be https; turns and amendments go through
 * {@link EvidenceHooks}.
 */
@Component
public class EvidenceChecks {

    private static final int MAX_URL = 2000;

    private final Comments comments;
    private final Submissions submissions;
    private final JointStatements statements;
    private final Consultations consultations;
    private final EvidenceHooks hooks;

    EvidenceChecks(Comments comments, Submissions submissions, JointStatements statements,
            Consultations consultations, EvidenceHooks hooks) {
        this.comments = comments;
        this.submissions = submissions;
        this.statements = statements;
        this.consultations = consultations;
        this.hooks = hooks;
    }

    /** The rows (stance id left empty) when {@code errors} stays unchanged. */
    public List<EvidenceRow> check(String processId, List<RecordStance.Evidence> evidence, List<FieldMessage> errors) {
        List<EvidenceRow> rows = new ArrayList<>();
        List<ConsultationView> ofProcess = null;
        for (int i = 0; i < evidence.size(); i++) {
            var e = evidence.get(i);
            String field = "evidence[" + i + "]";
            if (e == null) {
                errors.add(new FieldMessage(field, "is empty"));
                continue;
            }
            var kind = EvidenceKind.parse(e.kind());
            String id = e.id() == null ? null : e.id().strip();
            if (kind == null) {
                errors.add(new FieldMessage(field + ".kind",
                        "must be one of comment, turn, statement, submission, amendment, link"));
                continue;
            }
            if (kind != EvidenceKind.LINK && (id == null || id.isEmpty())) {
                errors.add(new FieldMessage(field + ".id", "is required for " + kind.label().toLowerCase(Locale.ROOT)));
                continue;
            }
            switch (kind) {
                case COMMENT -> {
                    if (ofProcess == null) {
                        ofProcess = consultations.ofProcess(processId);
                    }
                    CommentView found = null;
                    ConsultationView in = null;
                    for (var consultation : ofProcess) {
                        if (comments.find(consultation.slug(), id) instanceof Result.Ok<CommentView> ok) {
                            found = ok.value();
                            in = consultation;
                            break;
                        }
                    }
                    if (found == null) {
                        errors.add(new FieldMessage(field + ".id", "no comment with this id in this process"));
                    } else {
                        rows.add(new EvidenceRow("", i, kind.code(), id, "/consultations/" + in.slug() + "/comments/"
                                + id, "Comment on “" + in.title() + "”"));
                    }
                }
                case STATEMENT -> {
                    var statement = statements.find(id, null);
                    if (statement.isEmpty()) {
                        errors.add(new FieldMessage(field + ".id", "no published joint statement with this id"));
                    } else {
                        String title = statement.get().title() == null ? "(hidden)" : statement.get().title();
                        rows.add(new EvidenceRow("", i, kind.code(), id, "/statements/" + id,
                                "Joint statement “" + title + "”"));
                    }
                }
                case SUBMISSION -> {
                    if (submissions.find(id) instanceof Result.Ok<SubmissionView> ok && consultations
                            .findById(ok.value().consultationId()).filter(c -> c.processId().equals(processId))
                            .isPresent()) {
                        String title = ok.value().title() == null ? "(hidden)" : ok.value().title();
                        rows.add(new EvidenceRow("", i, kind.code(), id, "/submissions/" + id,
                                "Written submission “" + title + "”"));
                    } else {
                        errors.add(new FieldMessage(field + ".id", "no written submission with this id in this process"));
                    }
                }
                case TURN -> {
                    var checked = hooks.checkTurn(processId, id);
                    if (!checked.ok()) {
                        errors.add(new FieldMessage(field + ".id", checked.refusal()));
                    } else {
                        rows.add(new EvidenceRow("", i, kind.code(), id, checked.path(), checked.label()));
                    }
                }
                case AMENDMENT -> {
                    var checked = hooks.checkAmendment(processId, id, null);
                    if (!checked.ok()) {
                        errors.add(new FieldMessage(field + ".id", checked.refusal()));
                    } else {
                        rows.add(new EvidenceRow("", i, kind.code(), id, checked.path(), checked.label()));
                    }
                }
                case LINK -> {
                    String url = e.url() == null ? "" : e.url().strip();
                    String refused = refuseLink(url);
                    if (refused != null) {
                        errors.add(new FieldMessage(field + ".url", refused));
                    } else {
                        rows.add(new EvidenceRow("", i, kind.code(), null, url, "External link to "
                                + URI.create(url).getHost()));
                    }
                }
            }
        }
        return rows;
    }

    /** Null for an absolute https address with a host, no credentials and no spaces; else why not. */
    static String refuseLink(String url) {
        if (url.isEmpty()) {
            return "is required: the https address of the page";
        }
        if (url.length() > MAX_URL) {
            return "is " + url.length() + " characters long; the limit is " + MAX_URL;
        }
        try {
            var uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                return "must be an https address (starting with https://)";
            }
            if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
                return "must be an https address with a host name, e.g. https://example.org/statement";
            }
            return null;
        } catch (URISyntaxException ex) {
            return "is not a valid address";
        }
    }
}
