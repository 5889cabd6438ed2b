package org.polylogue.transcript.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.transcript.internal.TranscriptRepository.TurnRow;
import org.springframework.stereotype.Component;

/** Transcript turns for search: the speaker and meeting as title, the normalised text, the organisation linked. */
@Component
class TurnSearchSource implements SearchSource {

    private final TranscriptRepository repository;
    private final Meetings meetings;
    private final Organizations organizations;

    TurnSearchSource(TranscriptRepository repository, Meetings meetings, Organizations organizations) {
        this.repository = repository;
        this.meetings = meetings;
        this.organizations = organizations;
    }

    @Override
    public String kind() {
        return "turn";
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return repository.findTurn(id).flatMap(turn -> meetings.findById(turn.meetingId())
                .map(meeting -> document(turn, meeting, new HashMap<>())));
    }

    @Override
    public void forEachDocument(Consumer<SearchDocument> sink) {
        Map<String, Optional<MeetingView>> meetingsById = new HashMap<>();
        Map<String, Optional<OrganizationView>> organizationsById = new HashMap<>();
        repository.forEachTurn(turn -> meetingsById.computeIfAbsent(turn.meetingId(), meetings::findById)
                .ifPresent(meeting -> sink.accept(document(turn, meeting, organizationsById))));
    }

    private SearchDocument document(TurnRow turn, MeetingView meeting, Map<String, Optional<OrganizationView>> cache) {
        var link = turn.labelKey() == null ? Optional.<TranscriptRepository.LinkRow>empty()
                : repository.link(turn.scopeId(), turn.labelKey());
        var organization = link.map(TranscriptRepository.LinkRow::organizationId)
                .flatMap(id -> cache.computeIfAbsent(id, organizations::find));
        String speaker = turn.label() == null ? "Unknown speaker" : turn.label();
        return new SearchDocument("turn", turn.id(), speaker + " · " + meeting.title(), turn.normalizedText(),
                "/meetings/" + meeting.slug() + "/transcript#turn-" + turn.number(), meeting.processId(),
                organization.map(OrganizationView::id).orElse(null),
                organization.map(o -> o.type().name()).orElse(null),
                organization.map(o -> o.regionalGroup() == null ? null : o.regionalGroup().name()).orElse(null),
                null, turn.importedAt(), Set.of());
    }
}
