package org.polylogue.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.contribution.Comments;
import org.polylogue.drafting.Block;
import org.polylogue.meeting.AddDocument;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.security.Actor;
import org.polylogue.synthesis.Synthesis;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inputs that make the demo digest worth reading: a campaign of 25 lightly edited copies of one
 * letter on protecting hospitals, and varied comments from every stakeholder group on open
 * participation, capacity-building and health care, imported by the secretariat as if received by
 * mail. Once amendments, supports, transcripts and stances are seeded too ({@link #start}), the
 * roundtable's page links the consultation (so its transcript turns count) and the secretariat starts
 * the synthesis, so the digest exists shortly after start and shows amendment-based consensus.
 */
@Component
class DemoSynthesis {

    static final String LETTER = "Hospitals in our region were paralysed by ransomware last year, and patients were "
            + "turned away from emergency wards. We ask the working group to state plainly that health care is "
            + "critical infrastructure that no state may attack or allow to be attacked from its territory. The "
            + "permanent mechanism should report every year on how this norm is implemented.";

    static final String[] SIGNERS = {"Amina Diallo", "Jorge Salas", "Li Wei", "Sofia Rossi", "Kwame Mensah",
        "Marie Dubois", "Ivan Petrov", "Priya Nair", "Tomás Ortega", "Fatima Zahra", "Johan Berg", "Aiko Tanaka",
        "Nadia Haddad", "Pedro Alves", "Grace Otieno", "Hana Novak", "Omar Farouk", "Lucía Romero", "Tariq Aziz",
        "Elena Popescu", "Samuel Adeyemi", "Mei Lin", "Carlos Mendes", "Ingrid Olsen", "Yusuf Kaya"};

    static final String[] COUNTRIES = {"SN", "CL", "ID", "IT", "GH", "FR", "EE", "IN", "PE", "MA", "NO", "JP"};

    static final String[] ADDED = {"My mother waited six hours for care.", "I work as a nurse and saw it happen.",
        "Please act before the next attack.", "Thank you for listening."};

    /** Varied comments: group, country, paragraph (1-based) and text. */
    static final String[][] VARIED = {
        {"CIVIL_SOCIETY", "Sahel Digital Rights Collective", "SN", "2", "Open sessions of the mechanism must let stakeholders from every region speak, with remote participation and interpretation."},
        {"MEMBER_STATE", "Ministry of Foreign Affairs of Chile", "CL", "2", "We support regular open sessions in which non-governmental stakeholders can address the mechanism directly."},
        {"PRIVATE_SECTOR", "Northlight Cloud Services", "NL", "2", "Industry can only contribute if the sessions are open, scheduled early and accessible remotely for operators."},
        {"ACADEMIA", "Lotus Bay Institute for Cyber Policy", "SG", "2", "Research shows that open stakeholder sessions with remote access broaden who is heard in such processes."},
        {"TECHNICAL_COMMUNITY", "Andean Incident Responders Network", "PE", "2", "Incident responders should be able to join open sessions remotely; travel to New York is out of reach for most."},
        {"MEMBER_STATE", "Ministry of Foreign Affairs of Kenya", "KE", "4", "Capacity-building must follow the needs of developing countries, with funding that lasts beyond single projects."},
        {"CIVIL_SOCIETY", "Caribbean Digital Resilience Alliance", "JM", "4", "Small island states need capacity-building for their incident response teams, driven by their own priorities."},
        {"PRIVATE_SECTOR", "Vistula Secure Systems", "PL", "4", "We offer training for national teams and ask that capacity-building programmes publish their needs openly."},
        {"ACADEMIA", "Lotus Bay Institute for Cyber Policy", "SG", "4", "Evaluations of capacity-building show that regional centres and long-term funding work better than short courses."},
        {"TECHNICAL_COMMUNITY", "Indian Ocean Cyber Cooperation Secretariat", "MU", "4", "Regional networks of response teams are the most effective channel for capacity-building in our region."},
        {"MEMBER_STATE", "Ministry of Foreign Affairs of Estonia", "EE", "3", "The norm on critical infrastructure should name health care explicitly; attacks on hospitals endanger lives."},
        {"ACADEMIA", "Lotus Bay Institute for Cyber Policy", "SG", "3", "Attacks on hospitals are the clearest case for the critical infrastructure norm; health care should be listed."},
        {"PRIVATE_SECTOR", "Northlight Cloud Services", "NL", "3", "Operators of health care systems need the critical infrastructure norm to cover them and joint exercises with states."},
    };

    private final Comments comments;
    private final Synthesis synthesis;
    private final JsonMapper json;
    private final Clock clock;
    private final Meetings meetings;

    DemoSynthesis(Comments comments, Synthesis synthesis, JsonMapper json, Clock clock, Meetings meetings) {
        this.meetings = meetings;
        this.comments = comments;
        this.synthesis = synthesis;
        this.json = json;
        this.clock = clock;
    }

    void seed(String consultationSlug, List<Block> paragraphs, Actor secretariat) {
        Instant start = Instant.now(clock).minus(Duration.ofHours(30));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < SIGNERS.length; i++) {
            String body = LETTER;
            if (i % 3 == 1) {
                body = body + " " + ADDED[i % ADDED.length];
            }
            if (i % 4 == 2) {
                body = body.replace("last year", "this year");
            }
            body = body + "\n\n" + SIGNERS[i];
            // most arrive within minutes, six in the very same second
            Instant at = i < 6 ? start : start.plusSeconds(40L * i);
            lines.add(line("demo-campaign-" + i, SIGNERS[i], null, null, COUNTRIES[i % COUNTRIES.length],
                    paragraph(paragraphs, 3), body, at));
        }
        for (int i = 0; i < VARIED.length; i++) {
            String[] row = VARIED[i];
            lines.add(line("demo-varied-" + i, "Representative of " + row[1], row[1], row[0], row[2],
                    paragraph(paragraphs, Integer.parseInt(row[3])), row[4], start.plus(Duration.ofHours(1 + i))));
        }
        comments.importLines(consultationSlug, String.join("\n", lines), secretariat).orThrow();
    }

    /** Links the roundtable to the consultation and starts the synthesis; call after every other input is seeded. */
    void start(String consultationSlug, Actor secretariat) {
        meetings.addDocument(DemoTranscripts.MEETING, new AddDocument("The zero draft on Polylogue",
                meetings.publicUrl() + "/consultations/" + consultationSlug), secretariat).orThrow();
        synthesis.start(consultationSlug, secretariat).orThrow();
    }

    private String line(String externalId, String author, String organization, String group, String country,
            String paragraphId, String body, Instant at) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("externalId", externalId);
        line.put("author", author);
        if (organization != null) {
            line.put("organization", organization);
            line.put("stakeholderGroup", group);
        }
        line.put("country", country);
        if (paragraphId != null) {
            line.put("paragraphId", paragraphId);
        }
        line.put("body", body);
        line.put("submittedAt", at.toString());
        return json.writeValueAsString(line);
    }

    private static String paragraph(List<Block> paragraphs, int number) {
        return paragraphs.isEmpty() ? null : paragraphs.get(Math.min(number, paragraphs.size()) - 1).paragraphId();
    }
}
