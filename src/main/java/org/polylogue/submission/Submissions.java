package org.polylogue.submission;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polylogue.account.Accounts;
import org.polylogue.moderation.HiddenNotice;
import org.polylogue.moderation.Moderation;
import org.polylogue.process.ConsultationStatus;
import org.polylogue.process.ConsultationView;
import org.polylogue.process.Consultations;
import org.polylogue.shared.Ids;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Paged;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.submission.internal.FileStore;
import org.polylogue.submission.internal.LanguageDetection;
import org.polylogue.submission.internal.SafeFileName;
import org.polylogue.submission.internal.SubmissionRepository;
import org.polylogue.submission.internal.SubmissionRow;
import org.polylogue.submission.internal.SubmissionSettings;
import org.polylogue.submission.internal.TextExtractor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The submission module's front door: upload a written submission, list and read them, fetch the original. */
@Service
public class Submissions {

    public static final String KIND = "submission";

    static final Refusal EMAIL_NOT_CONFIRMED = Refusal.forbidden("email-not-confirmed",
            "Confirm your email address before contributing: open the link we mailed you, or ask for a new one on "
                    + "your account page (POST /api/v1/accounts/me/verification-mail).");

    private final SubmissionRepository repository;
    private final FileStore files;
    private final TextExtractor extractor;
    private final LanguageDetection languages;
    private final SubmissionSettings settings;
    private final Consultations consultations;
    private final Organizations organizations;
    private final Accounts accounts;
    private final Moderation moderation;
    private final SubmissionPermissions permissions;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final org.polylogue.moderation.SpamGuard spamGuard;

    Submissions(SubmissionRepository repository, FileStore files, TextExtractor extractor, LanguageDetection languages,
            SubmissionSettings settings, Consultations consultations, Organizations organizations, Accounts accounts,
            Moderation moderation, SubmissionPermissions permissions, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock, org.polylogue.moderation.SpamGuard spamGuard) {
        this.spamGuard = spamGuard;
        this.repository = repository;
        this.files = files;
        this.extractor = extractor;
        this.languages = languages;
        this.settings = settings;
        this.consultations = consultations;
        this.organizations = organizations;
        this.accounts = accounts;
        this.moderation = moderation;
        this.permissions = permissions;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** The largest file accepted, in bytes ({@code polylogue.submission.max-bytes}). */
    public long maxBytes() {
        return settings.maxBytes();
    }

    /**
     * Accepts a written submission. Refused: unknown consultation (404), outside the window (409
     * {@code consultation-closed}), email not confirmed (403), empty or over-long title or summary,
     * no file (400), an organisation the person does not represent (403 {@code not-representative}),
     * a file over the size limit (413 {@code file-too-large}), not a PDF, DOCX, ODT or text file by
     * its content (415 {@code unsupported-file-type}), protected by a password, over the page limit,
     * unreadable, or taking too long to read (422 {@code encrypted-file}, {@code too-many-pages},
     * {@code unreadable-file}, {@code extraction-timed-out}). A refused upload leaves nothing behind.
     */
    public Result<SubmissionView> upload(String consultationSlug, UploadSubmission request, Actor actor) {
        var found = consultations.find(consultationSlug);
        if (found.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        ConsultationView consultation = found.get();
        if (consultation.status() != ConsultationStatus.OPEN) {
            return Result.rejected(closed(consultation));
        }
        if (!permissions.hasConfirmedEmail(actor)) {
            return Result.rejected(EMAIL_NOT_CONFIRMED);
        }
        String title = request.title() == null ? "" : request.title().strip();
        String summary = request.summary() == null ? "" : request.summary().strip();
        var errors = new java.util.ArrayList<Refusal.FieldMessage>();
        if (title.isEmpty()) {
            errors.add(new Refusal.FieldMessage("title", "is empty; give your submission a title"));
        } else if (title.length() > UploadSubmission.MAX_TITLE) {
            errors.add(new Refusal.FieldMessage("title", "is " + title.length() + " characters long; the limit is "
                    + UploadSubmission.MAX_TITLE));
        }
        if (summary.isEmpty()) {
            errors.add(new Refusal.FieldMessage("summary", "is empty; say in a few sentences what your submission "
                    + "proposes"));
        } else if (summary.length() > UploadSubmission.MAX_SUMMARY) {
            errors.add(new Refusal.FieldMessage("summary", "is " + summary.length()
                    + " characters long; the limit is " + UploadSubmission.MAX_SUMMARY));
        }
        if (request.content() == null || request.size() == 0) {
            errors.add(new Refusal.FieldMessage("file", "is missing; choose a PDF, DOCX, ODT or plain text file"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        String organizationId = request.organizationId() == null || request.organizationId().isBlank() ? null
                : request.organizationId().strip();
        if (organizationId != null) {
            if (organizations.find(organizationId).isEmpty()) {
                return Result.rejected(Refusal.invalid("organizationId", "no organisation with this id"));
            }
            if (!permissions.canSubmitFor(actor, organizationId)) {
                return Result.rejected(Refusal.forbidden("not-representative",
                        "You do not represent this organisation, so you cannot submit in its name.",
                        "organizationId"));
            }
        }
        if (request.size() > settings.maxBytes()) {
            return Result.rejected(tooLarge(request.size()));
        }
        FileStore.Received received;
        try (InputStream in = request.content().getInputStream()) {
            received = files.receive(in, settings.maxBytes());
        } catch (FileStore.TooLarge e) {
            return Result.rejected(tooLarge(-1));
        } catch (IOException e) {
            return Result.rejected(Refusal.invalid("file", "could not be received completely; please try again"));
        }
        try {
            if (received.size() == 0) {
                return Result.rejected(Refusal.invalid("file", "is empty; choose a PDF, DOCX, ODT or plain text file"));
            }
            var extracted = extractor.extract(received.path());
            if (extracted instanceof Result.Rejected<TextExtractor.Extracted> rejected) {
                return Result.rejected(rejected.refusal());
            }
            var text = ((Result.Ok<TextExtractor.Extracted>) extracted).value();
            String language = languages.detect(text.text());
            // the window is the server's: reading the file may have taken a while
            var now = consultations.find(consultationSlug).orElseThrow();
            if (now.status() != ConsultationStatus.OPEN) {
                return Result.rejected(closed(now));
            }
            var mediaType = org.apache.tika.mime.MediaType.parse(text.mediaType());
            var row = new SubmissionRow(Ids.next(), consultation.id(), actor.accountId(), organizationId, title,
                    summary, SafeFileName.of(request.fileName(), TextExtractor.ACCEPTED.get(mediaType)),
                    text.mediaType(), received.size(), received.sha256(), text.pageCount(), text.text(),
                    text.truncated(), language, Instant.now(clock));
            transactions.executeWithoutResult(status -> {
                boolean created = files.store(received);
                try {
                    repository.insert(row);
                    events.publishEvent(new org.polylogue.shared.search.SearchableChanged(KIND, row.id()));
                    events.publishEvent(new SubmissionReceived(row.id(), row.consultationId(), organizationId,
                            language));
                    // the same paper sent by many accounts is flagged to the moderators, never dropped
                    spamGuard.afterPublished(KIND, row.id(), consultation.processId(),
                            actor.accountId(), text.text());
                } catch (RuntimeException e) {
                    if (created) {
                        files.discard(files.path(row.sha256()));
                    }
                    throw e;
                }
            });
            return Result.ok(view(row, consultation, true));
        } finally {
            files.discard(received.path());
        }
    }

    /** The submissions to a consultation, oldest first, without their text. */
    public Result<Paged<SubmissionView>> list(String consultationSlug, PageRequest page) {
        var consultation = consultations.find(consultationSlug);
        if (consultation.isEmpty()) {
            return Result.rejected(notFound(consultationSlug));
        }
        var c = consultation.get();
        var rows = repository.ofConsultation(c.id(), page.size(), page.offset());
        return Result.ok(new Paged<>(views(rows, c, false), page.page(), page.size(), repository.count(c.id())));
    }

    public long count(String consultationId) {
        return repository.count(consultationId);
    }

    /** A submission with its text (without, while hidden). */
    public Result<SubmissionView> find(String id) {
        var row = repository.find(id);
        if (row.isEmpty()) {
            return Result.rejected(Refusal.notFound("submission-not-found", "There is no submission " + id + "."));
        }
        var consultation = consultations.findById(row.get().consultationId()).orElseThrow();
        return Result.ok(views(List.of(row.get()), consultation, true).getFirst());
    }

    /** The original file; 410 {@code hidden} while the moderators hide the submission. */
    public Result<SubmissionFile> file(String id) {
        var found = find(id);
        if (found instanceof Result.Rejected<SubmissionView> rejected) {
            return Result.rejected(rejected.refusal());
        }
        var view = ((Result.Ok<SubmissionView>) found).value();
        if (view.isHidden()) {
            return Result.rejected(hidden(view.hidden()));
        }
        var row = repository.find(id).orElseThrow();
        return Result.ok(new SubmissionFile(row.fileName(), row.mediaType(), row.sizeBytes(), files.path(row.sha256())));
    }

    /** What moderation needs to know of a submission. */
    Optional<org.polylogue.moderation.ModeratedItem> moderated(String id) {
        return repository.find(id).map(row -> {
            var consultation = consultations.findById(row.consultationId());
            String summary = row.summary();
            return new org.polylogue.moderation.ModeratedItem(KIND, row.id(),
                    consultation.map(ConsultationView::processId).orElse(null), row.authorAccountId(),
                    "Written submission \u201c" + row.title() + "\u201d",
                    summary.length() > 300 ? summary.substring(0, 300) + "\u2026" : summary, "/submissions/" + row.id());
        });
    }

    private static Refusal hidden(HiddenNotice notice) {
        return new Refusal(Refusal.Kind.GONE, "hidden", "The moderators hid this submission on "
                + org.polylogue.shared.web.Format.date(notice.hiddenAt()) + " under the rule \u201c"
                + notice.ruleTitle() + "\u201d: " + notice.reason(), List.of());
    }

    private Refusal tooLarge(long size) {
        String what = size > 0 ? "is " + org.polylogue.submission.internal.SubmissionSettings.sizeText(size) + "; "
                : "is too large; ";
        return new Refusal(Refusal.Kind.PAYLOAD_TOO_LARGE, "file-too-large",
                "The file is larger than " + settings.maxSizeText() + ", the limit for submissions.",
                List.of(new Refusal.FieldMessage("file", what + "the limit is " + settings.maxSizeText())));
    }

    private SubmissionView view(SubmissionRow row, ConsultationView consultation, boolean withText) {
        return views(List.of(row), consultation, withText).getFirst();
    }

    private List<SubmissionView> views(List<SubmissionRow> rows, ConsultationView consultation, boolean withText) {
        Set<String> authors = new HashSet<>();
        Set<String> orgIds = new HashSet<>();
        for (var row : rows) {
            authors.add(row.authorAccountId());
            if (row.organizationId() != null) {
                orgIds.add(row.organizationId());
            }
        }
        Map<String, String> names = authors.isEmpty() ? Map.of() : accounts.publicNames(authors);
        Map<String, OrganizationView> orgs = orgIds.isEmpty() ? Map.of() : organizations.find(orgIds);
        Map<String, HiddenNotice> hidden = rows.isEmpty() ? Map.of()
                : moderation.hidden(KIND, rows.stream().map(SubmissionRow::id).toList());
        return rows.stream().map(row -> {
            var org = row.organizationId() == null ? null : orgs.get(row.organizationId());
            var notice = hidden.get(row.id());
            boolean shown = notice == null;
            return new SubmissionView(row.id(), row.consultationId(), consultation.slug(), shown ? row.title() : null,
                    shown ? row.summary() : null, names.getOrDefault(row.authorAccountId(), "A participant"),
                    row.organizationId(), org == null ? null : org.name(), org == null ? null : org.verified(),
                    shown ? row.fileName() : null, row.mediaType(), row.sizeBytes(), row.sha256(), row.pageCount(),
                    row.language(), LanguageDetection.name(row.language()), shown && withText ? row.text() : null,
                    row.textTruncated(), row.submittedAt(), shown ? "/submissions/" + row.id() + "/file" : null,
                    notice);
        }).toList();
    }

    private static Refusal notFound(String slug) {
        return Refusal.notFound("consultation-not-found", "There is no consultation " + slug + ".");
    }

    private static Refusal closed(ConsultationView c) {
        String when = c.status() == ConsultationStatus.UPCOMING
                ? "opens on " + org.polylogue.shared.web.Format.dateTime(c.opensAt())
                : "closed on " + org.polylogue.shared.web.Format.dateTime(c.closesAt());
        return Refusal.conflict("consultation-closed", "This consultation " + when
                + "; submissions are accepted only while it is open.");
    }
}
