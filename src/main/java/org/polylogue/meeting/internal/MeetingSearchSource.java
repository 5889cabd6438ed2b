package org.polylogue.meeting.internal;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.search.SearchDocument;
import org.polylogue.shared.search.SearchSource;
import org.springframework.stereotype.Component;

/**
 * Meetings for search: the title as title (marked when cancelled), the title, agenda and place as
 * text, linked to the meeting's page. Meetings are public, so everyone finds them.
 */
@Component
class MeetingSearchSource implements SearchSource {

    private final MeetingRepository repository;

    MeetingSearchSource(MeetingRepository repository) {
        this.repository = repository;
    }

    @Override
    public String kind() {
        return Meetings.MEETING_KIND;
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        return repository.findById(id).map(MeetingSearchSource::document);
    }

    @Override
    public void forEachDocument(Consumer<SearchDocument> sink) {
        repository.forEach(meeting -> sink.accept(document(meeting)));
    }

    private static SearchDocument document(MeetingView meeting) {
        String title = meeting.title() + (meeting.cancelled() ? " (cancelled)" : "");
        String text = String.join("\n\n", meeting.title(), meeting.agenda() == null ? "" : meeting.agenda(),
                meeting.place() == null ? "" : meeting.place());
        return new SearchDocument(Meetings.MEETING_KIND, meeting.id(), title, text, "/meetings/" + meeting.slug(),
                meeting.processId(), null, null, null, null, meeting.createdAt(), Set.of());
    }
}
