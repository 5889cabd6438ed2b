package org.polylogue.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.transcript.LinkSpeaker;
import org.polylogue.transcript.Transcripts;
import org.springframework.stereotype.Component;

/**
 * The transcript of the demo roundtable on the programme of action, with its speakers linked to the
 * demo organisations. Called once the demo meeting {@value #MEETING} exists.
 */
@Component
public class DemoTranscripts {

    static final String MEETING = "demo-roundtable";
    static final Map<String, String> SPEAKERS = Map.of(
            "KENYA", "Ministry of Foreign Affairs of Kenya",
            "SAHEL DIGITAL RIGHTS COLLECTIVE", "Sahel Digital Rights Collective",
            "ESTONIA", "Ministry of Foreign Affairs of Estonia",
            "VISTULA SECURE SYSTEMS", "Vistula Secure Systems",
            "INDONESIA", "Ministry of Foreign Affairs of Indonesia",
            "LOTUS BAY INSTITUTE FOR CYBER POLICY", "Lotus Bay Institute for Cyber Policy",
            "CHILE", "Ministry of Foreign Affairs of Chile",
            "NETHERLANDS", "Ministry of Foreign Affairs of the Netherlands");

    private final Transcripts transcripts;
    private final Organizations organizations;

    DemoTranscripts(Transcripts transcripts, Organizations organizations) {
        this.transcripts = transcripts;
        this.organizations = organizations;
    }

    /** Imports the transcript into {@code meetingSlug} as the secretariat and links its speakers. */
    public void seed(String meetingSlug, Actor secretariat) {
        transcripts.importText(meetingSlug, resource("demo/roundtable-transcript.txt"), secretariat).orThrow();
        SPEAKERS.forEach((label, name) -> organizations.search(name, 5).stream()
                .filter(o -> o.name().equals(name)).findFirst()
                .ifPresent(o -> transcripts.link(meetingSlug, new LinkSpeaker(label, null, o.id()), secretariat)
                        .orThrow()));
    }

    /** The same for the demo meeting {@value #MEETING}. */
    public void seed(Actor secretariat) {
        seed(MEETING, secretariat);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoTranscripts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
