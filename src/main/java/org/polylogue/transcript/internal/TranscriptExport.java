package org.polylogue.transcript.internal;

import java.util.List;
import org.polylogue.publishing.ExportColumn;
import org.polylogue.publishing.ExportScope;
import org.polylogue.publishing.ExportSink;
import org.polylogue.publishing.ExportSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transcript turns as open data. A transcript's scope is its meeting's process (or the meeting itself
 * when it stands alone), so a process export selects the turns whose scope is the process. The
 * linked organisation is the one the secretariat confirmed for the speaker's label in that scope;
 * the linked person is not exported.
 */
@Component
class TranscriptExport implements ExportSource {

    private final JdbcClient jdbc;

    TranscriptExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "transcript_turns";
    }

    @Override
    public String description() {
        return "One row per turn (one speaker taking the floor) of an imported meeting transcript, in order.";
    }

    @Override
    public int order() {
        return 87;
    }

    @Override
    public List<ExportColumn> columns() {
        return List.of(ExportColumn.of("id", "Stable id of the turn."),
                ExportColumn.of("meeting_id", "The meeting transcribed (meetings.id)."),
                ExportColumn.of("number", "The turn's number in the transcript, from 1: /meetings/{slug}/transcript#turn-{number}."),
                ExportColumn.of("speaker_label", "The speaker as the transcript names them; empty for an unknown speaker."),
                ExportColumn.of("organization_id", "The organisation the secretariat linked to this speaker label (organizations.id); empty if none."),
                ExportColumn.of("original_text", "The turn as written in the imported transcript (paragraphs separated by a blank line)."),
                ExportColumn.of("normalized_text", "The text normalised for reading and search (one paragraph, captioning marks removed)."),
                ExportColumn.of("words", "The number of words spoken in the turn."));
    }

    @Override
    public void forEachRow(ExportScope scope, ExportSink sink) {
        jdbc.sql("""
                select t.id, tr.meeting_id, t.number, t.speaker_label, l.organization_id, t.original_text,
                       t.normalized_text, t.words
                from transcript_turn t join transcript tr on tr.id = t.transcript_id
                left join transcript_speaker_link l on l.scope_id = tr.scope_id and l.label_key = t.speaker_key
                where ? or tr.scope_id = ? order by tr.meeting_id, t.number""")
                .withFetchSize(FETCH_SIZE).param(scope.isEverything()).param(scope.processId())
                .query((RowCallbackHandler) rs -> sink.row(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)));
    }
}
