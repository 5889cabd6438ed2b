package org.polylogue.transcript;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.search.SearchableChanged;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.transcript.internal.CaptionParser;
import org.polylogue.transcript.internal.ParsedTranscript;
import org.polylogue.transcript.internal.SpeakerSuggestions;
import org.polylogue.transcript.internal.TranscriptDecoder;
import org.polylogue.transcript.internal.TranscriptRepository;
import org.polylogue.transcript.internal.TranscriptRepository.LinkRow;
import org.polylogue.transcript.internal.TranscriptRepository.QuestionRow;
import org.polylogue.transcript.internal.TranscriptRepository.TranscriptRow;
import org.polylogue.transcript.internal.TranscriptRepository.TurnRow;
import org.polylogue.transcript.internal.TranscriptText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/** The transcript module's front door: import, read, and link speakers. */
@Service
public class Transcripts {

    public static final String KIND = "turn";

    private final TranscriptRepository repository;
    private final Meetings meetings;
    private final TranscriptPermissions permissions;
    private final Accounts accounts;
    private final Organizations organizations;
    private final SpeakerSuggestions suggestions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;

    Transcripts(TranscriptRepository repository, Meetings meetings, TranscriptPermissions permissions,
            Accounts accounts, Organizations organizations, SpeakerSuggestions suggestions,
            ApplicationEventPublisher events, Clock clock,
            @Value("${polylogue.transcript.max-size:5MB}") DataSize maxSize) {
        this.repository = repository;
        this.meetings = meetings;
        this.permissions = permissions;
        this.accounts = accounts;
        this.organizations = organizations;
        this.suggestions = suggestions;
        this.events = events;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** The largest transcript accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Imports a transcript for the meeting, replacing any earlier one; all or nothing. Refused: unknown
     * meeting (404), not its secretariat (403 {@code not-secretariat}), too large (413
     * {@code transcript-too-large}), unreadable (422 {@code transcript-unreadable} with one error per
     * problem, its field naming the line: {@code "line 12"}). Confirmed speaker links stay: they belong
     * to the process, by label.
     */
    @Transactional
    public Result<ImportReport> importText(String meetingSlug, byte[] bytes, Actor actor) {
        var found = meetings.find(meetingSlug);
        if (found.isEmpty()) {
            return Result.rejected(meetingNotFound());
        }
        MeetingView meeting = found.get();
        if (!permissions.canManage(actor, meeting)) {
            return Result.rejected(notSecretariat());
        }
        if (bytes == null || bytes.length == 0) {
            return Result.rejected(unreadable(List.of(new ParsedTranscript.Problem(1,
                    "The transcript is empty: paste its text or choose a file."))));
        }
        if (bytes.length > maxBytes) {
            return Result.rejected(new Refusal(Refusal.Kind.PAYLOAD_TOO_LARGE, "transcript-too-large",
                    "The transcript is too large: it may be at most " + megabytes(maxBytes) + ".", List.of(new Refusal.FieldMessage("text", "is " + megabytes(bytes.length)
                            + "; a transcript may be at most " + megabytes(maxBytes)))));
        }
        var decoded = TranscriptDecoder.decode(bytes);
        if (!decoded.problems().isEmpty()) {
            return Result.rejected(unreadable(decoded.problems()));
        }
        var parsed = CaptionParser.parse(decoded.text());
        if (!parsed.problems().isEmpty()) {
            return Result.rejected(unreadable(parsed.problems()));
        }
        repository.lockMeeting(meeting.id());
        List<String> removed = new ArrayList<>();
        var previous = repository.findByMeeting(meeting.id());
        previous.ifPresent(old -> {
            removed.addAll(repository.turnIds(old.id()));
            repository.delete(old.id());
        });
        String transcriptId = Ids.next();
        String status = parsed.unofficialCaptioning() ? TranscriptView.UNOFFICIAL : TranscriptView.TRANSCRIPT;
        repository.insert(new TranscriptRow(transcriptId, meeting.id(), scopeOf(meeting), parsed.title(), status,
                parsed.preamble(), decoded.encoding(), actor.accountId(), Instant.now(clock)), decoded.text());
        List<TurnRow> turns = parsed.turns().stream().map(t -> new TurnRow(Ids.next(), transcriptId, meeting.id(),
                scopeOf(meeting), null, t.number(), t.label(), t.label() == null ? null : TranscriptText.labelKey(t.label()),
                t.introducedAs(), t.line(), t.text(), t.normalizedText(), t.words())).toList();
        repository.insertTurns(turns);
        List<QuestionRow> questions = new ArrayList<>();
        for (var q : parsed.questions()) {
            questions.add(new QuestionRow(questions.size() + 1, q.turnNumber(), q.askedBy(), q.online(), q.text()));
        }
        repository.insertQuestions(transcriptId, questions);
        removed.forEach(id -> events.publishEvent(new SearchableChanged(KIND, id)));
        turns.forEach(t -> events.publishEvent(new SearchableChanged(KIND, t.id())));
        events.publishEvent(new TranscriptImported(meeting.id(), transcriptId, turns.size(), previous.isPresent()));
        Map<String, int[]> bySpeaker = new LinkedHashMap<>();
        for (TurnRow t : turns) {
            int[] counts = bySpeaker.computeIfAbsent(t.label() == null ? "\0" : t.label(), k -> new int[2]);
            counts[0]++;
            counts[1] += t.words();
        }
        var speakers = bySpeaker.entrySet().stream().map(e -> new ImportReport.Speaker(
                e.getKey().equals("\0") ? null : e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return Result.ok(new ImportReport(turns.size(), speakers, questions.size(), status, decoded.encoding()));
    }

    /** The meeting's transcript with its turns (speaker links applied) and audience questions; empty if none. */
    public Optional<TranscriptView> find(String meetingSlug) {
        return meetings.find(meetingSlug).flatMap(this::find);
    }

    public Optional<TranscriptView> find(MeetingView meeting) {
        return repository.findByMeeting(meeting.id()).map(t -> view(meeting, t));
    }

    private TranscriptView view(MeetingView meeting, TranscriptRow transcript) {
        Map<String, LinkRow> links = new HashMap<>();
        repository.links(transcript.scopeId()).forEach(l -> links.put(l.labelKey(), l));
        var names = accounts.publicNames(links.values().stream().map(LinkRow::accountId).filter(Objects::nonNull).toList());
        String base = "/meetings/" + meeting.slug() + "/transcript#turn-";
        List<TurnView> turns = repository.turns(transcript.id()).stream().map(t -> {
            LinkRow link = t.labelKey() == null ? null : links.get(t.labelKey());
            String account = link == null ? null : link.accountId();
            return new TurnView(t.id(), t.number(), t.label(), t.introducedAs(), t.line(),
                    List.of(t.originalText().isEmpty() ? new String[0] : t.originalText().split("\n\n")),
                    t.normalizedText(), t.words(), account, account == null ? null : names.get(account),
                    link == null ? null : link.organizationId(), base + t.number());
        }).toList();
        var questions = repository.questions(transcript.id()).stream().map(q -> new AudienceQuestion(q.turnNumber(),
                q.askedBy(), q.online(), q.text(), base + q.turnNumber())).toList();
        return new TranscriptView(transcript.id(), meeting.id(), meeting.slug(), transcript.title(), transcript.status(),
                transcript.preamble(), transcript.encoding(), transcript.importedAt(), turns, questions);
    }

    /** Where a turn is (its meeting, process and anchor); empty when there is no turn with this id. */
    public Optional<TurnLocation> findTurn(String turnId) {
        if (turnId == null || !Ids.looksValid(turnId)) {
            return Optional.empty();
        }
        return repository.findTurn(turnId).flatMap(t -> meetings.findById(t.meetingId())
                .map(m -> new TurnLocation(t.id(), t.number(), m.id(), m.slug(), m.title(), m.processId(),
                        "/meetings/" + m.slug() + "/transcript#turn-" + t.number())));
    }

    /** Per speaker label, in order of first appearance: turns, words and share of all words. */
    public static List<SpeakerStatistics> statistics(TranscriptView transcript) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        int total = 0;
        for (TurnView t : transcript.turns()) {
            int[] c = counts.computeIfAbsent(t.speaker() == null ? "\0" : t.speaker(), k -> new int[2]);
            c[0]++;
            c[1] += t.words();
            total += t.words();
        }
        int all = total;
        return counts.entrySet().stream().map(e -> new SpeakerStatistics(e.getKey().equals("\0") ? null : e.getKey(),
                e.getValue()[0], e.getValue()[1], all == 0 ? 0 : e.getValue()[1] / (double) all)).toList();
    }

    /** Whether the actor may import this meeting's transcript and link its speakers (to offer the forms). */
    public boolean canManage(Actor actor, MeetingView meeting) {
        return permissions.canManage(actor, meeting);
    }

    /**
     * The transcript's speaker labels with their links and suggestions, for the secretariat. Refused:
     * unknown meeting or no transcript (404), not the secretariat (403).
     */
    public Result<List<SpeakerEntry>> speakers(String meetingSlug, Actor actor) {
        var meeting = meetings.find(meetingSlug);
        if (meeting.isEmpty()) {
            return Result.rejected(meetingNotFound());
        }
        if (!permissions.canManage(actor, meeting.get())) {
            return Result.rejected(notSecretariat());
        }
        var transcript = find(meeting.get());
        if (transcript.isEmpty()) {
            return Result.rejected(Refusal.notFound("transcript-not-found", "This meeting has no transcript yet."));
        }
        Map<String, LinkRow> links = new HashMap<>();
        repository.links(scopeOf(meeting.get())).forEach(l -> links.put(l.labelKey(), l));
        var names = accounts.publicNames(links.values().stream().map(LinkRow::accountId).filter(Objects::nonNull).toList());
        var linkedOrganizations = organizations.find(links.values().stream().map(LinkRow::organizationId)
                .filter(Objects::nonNull).toList());
        Map<String, List<TurnView>> byLabel = new LinkedHashMap<>();
        transcript.get().turns().stream().filter(t -> t.speaker() != null)
                .forEach(t -> byLabel.computeIfAbsent(t.speaker(), k -> new ArrayList<>()).add(t));
        List<SpeakerEntry> entries = new ArrayList<>();
        for (var entry : byLabel.entrySet()) {
            var introduced = entry.getValue().stream().map(TurnView::introducedAs).filter(Objects::nonNull).distinct()
                    .toList();
            LinkRow link = links.get(TranscriptText.labelKey(entry.getKey()));
            var organization = link == null || link.organizationId() == null ? null
                    : linkedOrganizations.get(link.organizationId());
            entries.add(new SpeakerEntry(entry.getKey(), entry.getValue().size(),
                    entry.getValue().stream().mapToInt(TurnView::words).sum(), introduced,
                    link == null ? null : new SpeakerLink(link.label(), link.accountId(), link.organizationId()),
                    link == null || link.accountId() == null ? null : names.get(link.accountId()),
                    organization == null ? null : organization.name(),
                    suggestions.suggest(meeting.get(), entry.getKey(), introduced)));
        }
        return Result.ok(entries);
    }

    /**
     * Confirms the link of a speaker label to a person and/or an organisation for every transcript of
     * the meeting's process (of the meeting, when it stands alone); neither removes the link. Refused:
     * unknown meeting (404), not the secretariat (403), a blank label or unknown person or organisation
     * (400). The turns of that label are found again with their new organisation.
     */
    @Transactional
    public Result<SpeakerLink> link(String meetingSlug, LinkSpeaker request, Actor actor) {
        var meeting = meetings.find(meetingSlug);
        if (meeting.isEmpty()) {
            return Result.rejected(meetingNotFound());
        }
        if (!permissions.canManage(actor, meeting.get())) {
            return Result.rejected(notSecretariat());
        }
        String label = request.label() == null ? "" : TranscriptText.normalize(request.label());
        if (label.isEmpty()) {
            return Result.rejected(Refusal.invalid("label", "is required"));
        }
        if (label.length() > 200) {
            return Result.rejected(Refusal.invalid("label", "must be at most 200 characters"));
        }
        String accountId = blankToNull(request.accountId());
        String organizationId = blankToNull(request.organizationId());
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        if (accountId != null && accounts.find(accountId).isEmpty()) {
            errors.add(new Refusal.FieldMessage("accountId", "is not a person on Polylogue"));
        }
        if (organizationId != null && organizations.find(organizationId).isEmpty()) {
            errors.add(new Refusal.FieldMessage("organizationId", "is not an organisation on Polylogue"));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(Refusal.invalid(errors));
        }
        String scope = scopeOf(meeting.get());
        String key = TranscriptText.labelKey(label);
        if (accountId == null && organizationId == null) {
            repository.deleteLink(scope, key);
        } else {
            repository.saveLink(new LinkRow(scope, key, label, accountId, organizationId), actor.accountId(),
                    Instant.now(clock));
        }
        repository.turnIdsOfSpeaker(scope, key).forEach(id -> events.publishEvent(new SearchableChanged(KIND, id)));
        return Result.ok(new SpeakerLink(label, accountId, organizationId));
    }

    /** Links apply per process; a meeting standing alone is its own scope. */
    static String scopeOf(MeetingView meeting) {
        return meeting.processId() != null ? meeting.processId() : meeting.id();
    }

    private static Refusal unreadable(List<ParsedTranscript.Problem> problems) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "transcript-unreadable",
                "The transcript could not be imported; nothing was stored.",
                problems.stream().map(p -> new Refusal.FieldMessage("line " + p.line(), p.message())).toList());
    }

    private static Refusal meetingNotFound() {
        return Refusal.notFound("meeting-not-found", "There is no such meeting.");
    }

    private static Refusal notSecretariat() {
        return Refusal.forbidden("not-secretariat",
                "Only the process's secretariat can import transcripts and link speakers.");
    }

    private static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes < 1024 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
