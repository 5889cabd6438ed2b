package org.polylogue.transcript.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.polylogue.meeting.MeetingView;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.transcript.ImportReport;
import org.polylogue.transcript.LinkSpeaker;
import org.polylogue.transcript.SpeakerEntry;
import org.polylogue.transcript.SpeakerLink;
import org.polylogue.transcript.Transcripts;
import org.polylogue.transcript.TurnView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The transcript of a meeting, its import form and the speaker links, for people without JavaScript too. */
@Controller
class TranscriptPages {

    private static final String PUBLIC = "transcripts of meetings are public, like the meetings";

    private final Transcripts transcripts;
    private final Meetings meetings;
    private final Organizations organizations;

    TranscriptPages(Transcripts transcripts, Meetings meetings, Organizations organizations) {
        this.transcripts = transcripts;
        this.meetings = meetings;
        this.organizations = organizations;
    }

    @GetMapping("/meetings/{slug}/transcript")
    @PublicEndpoint(PUBLIC)
    String transcript(@PathVariable String slug, @RequestParam(defaultValue = "") String speaker, Actor actor,
            Model model) {
        MeetingView meeting = meeting(slug);
        var transcript = transcripts.find(meeting).orElse(null);
        List<TurnView> turns = transcript == null ? List.of() : transcript.turns().stream()
                .filter(t -> speaker.isEmpty() || (speaker.equals("-") ? t.speaker() == null
                        : speaker.equals(t.speaker()))).toList();
        Map<String, OrganizationView> linked = transcript == null ? Map.of() : organizations.find(transcript.turns()
                .stream().map(TurnView::organizationId).filter(Objects::nonNull).distinct().toList());
        model.addAttribute("page", new TranscriptPage(meeting, transcript, turns, speaker,
                transcript == null ? List.of() : Transcripts.statistics(transcript), linked,
                transcripts.canManage(actor, meeting)));
        return "transcript/transcript";
    }

    @GetMapping("/meetings/{slug}/transcript/import")
    @RequiresSignIn
    String importForm(@PathVariable String slug, Actor actor, Model model) {
        MeetingView meeting = managed(slug, actor);
        return importPage(model, meeting, "", FormErrors.none(), List.of());
    }

    @PostMapping("/meetings/{slug}/transcript/import")
    @RequiresSignIn
    String importTranscript(@PathVariable String slug, @RequestParam(defaultValue = "") String text,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        MeetingView meeting = meeting(slug);
        boolean uploaded = file != null && !file.isEmpty();
        byte[] bytes = uploaded ? file.getBytes() : text.getBytes(StandardCharsets.UTF_8);
        switch (transcripts.importText(slug, bytes, actor)) {
            case Result.Ok<ImportReport> ok -> {
                var report = ok.value();
                redirect.addFlashAttribute("message", "The transcript is imported: " + report.turns() + " turns by "
                        + report.speakers().size() + " speakers" + (report.questions() > 0 ? ", "
                        + report.questions() + " audience questions" : "") + ". Link the speakers to people and "
                        + "organisations below.");
                return "redirect:/meetings/" + slug + "/transcript/speakers";
            }
            case Result.Rejected<ImportReport> rejected -> {
                Refusal refusal = rejected.refusal();
                if (refusal.kind() == Refusal.Kind.FORBIDDEN || refusal.kind() == Refusal.Kind.NOT_FOUND) {
                    throw new ResponseStatusException(HttpStatus.valueOf(refusal.kind().status()), refusal.title());
                }
                response.setStatus(refusal.kind() == Refusal.Kind.PAYLOAD_TOO_LARGE ? 413 : 422);
                String field = uploaded ? "file" : "text";
                String summary = refusal.title() + (uploaded ? " Choose the file again after correcting it."
                        : " Your text is kept in the field; correct it and import again.");
                var problems = refusal.errors().stream().filter(e -> e.field().startsWith("line ")).toList();
                var messages = new LinkedHashMap<String, String>();
                messages.put(field, problems.isEmpty() && !refusal.errors().isEmpty()
                        ? refusal.errors().getFirst().message() : summary);
                return importPage(model, meeting, uploaded ? "" : text, new FormErrors(messages), problems);
            }
        }
    }

    @GetMapping("/meetings/{slug}/transcript/speakers")
    @RequiresSignIn
    String speakers(@PathVariable String slug, Actor actor, Model model) {
        return speakersPage(model, managed(slug, actor), actor, "", FormErrors.none(), Map.of());
    }

    @PostMapping("/meetings/{slug}/transcript/speakers")
    @RequiresSignIn
    String link(@PathVariable String slug, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String choice, @RequestParam(defaultValue = "") String organizationName,
            Actor actor, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        MeetingView meeting = managed(slug, actor);
        String accountId = null;
        String organizationId = null;
        Refusal refusal = null;
        if (choice.equals("other")) {
            var matches = organizationName.isBlank() ? List.<OrganizationView>of()
                    : organizations.search(organizationName, 10);
            var exact = matches.stream().filter(o -> o.name().equalsIgnoreCase(organizationName.strip())).toList();
            if (exact.size() == 1 || matches.size() == 1) {
                organizationId = (exact.size() == 1 ? exact : matches).getFirst().id();
            } else {
                refusal = Refusal.invalid("organizationName", matches.isEmpty()
                        ? "matches no organisation; type part of its name as registered on Polylogue"
                        : "matches " + matches.size() + " organisations; type more of the name");
            }
        } else if (choice.isEmpty()) {
            refusal = Refusal.invalid("choice", "Choose who the speaker is, or “no link”");
        } else if (!choice.equals("none")) {
            String[] parts = choice.split(":", -1);
            accountId = parts[0].isEmpty() ? null : parts[0];
            organizationId = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        }
        if (refusal == null) {
            switch (transcripts.link(slug, new LinkSpeaker(label, accountId, organizationId), actor)) {
                case Result.Ok<SpeakerLink> ok -> {
                    redirect.addFlashAttribute("message", ok.value().accountId() == null
                            && ok.value().organizationId() == null ? "“" + ok.value().label() + "” is no longer linked."
                            : "“" + ok.value().label() + "” is linked in every transcript of this process.");
                    return "redirect:/meetings/" + slug + "/transcript/speakers";
                }
                case Result.Rejected<SpeakerLink> rejected -> refusal = rejected.refusal();
            }
        }
        response.setStatus(422);
        var messages = new LinkedHashMap<String, String>();
        refusal.errors().forEach(e -> messages.putIfAbsent(e.field().equals("accountId")
                || e.field().equals("organizationId") ? "choice" : e.field(), e.message()));
        return speakersPage(model, meeting, actor, label, new FormErrors(messages),
                Map.of("choice", choice, "organizationName", organizationName));
    }

    private String importPage(Model model, MeetingView meeting, String text, FormErrors errors,
            List<Refusal.FieldMessage> problems) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("maxMegabytes", transcripts.maxBytes() / 1024 / 1024);
        model.addAttribute("existing", transcripts.find(meeting).isPresent());
        return "transcript/import";
    }

    private String speakersPage(Model model, MeetingView meeting, Actor actor, String failedLabel, FormErrors errors,
            Map<String, String> typed) {
        var entries = transcripts.speakers(meeting.slug(), actor);
        if (entries instanceof Result.Rejected<List<SpeakerEntry>> rejected) {
            if (rejected.refusal().kind() == Refusal.Kind.NOT_FOUND) {
                return "redirect:/meetings/" + meeting.slug() + "/transcript/import";
            }
            throw new ResponseStatusException(HttpStatus.valueOf(rejected.refusal().kind().status()));
        }
        model.addAttribute("meeting", meeting);
        model.addAttribute("speakers", ((Result.Ok<List<SpeakerEntry>>) entries).value());
        model.addAttribute("failedLabel", failedLabel);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "transcript/speakers";
    }

    private MeetingView meeting(String slug) {
        return meetings.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private MeetingView managed(String slug, Actor actor) {
        MeetingView meeting = meeting(slug);
        if (!transcripts.canManage(actor, meeting)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the process's secretariat imports transcripts and links speakers.");
        }
        return meeting;
    }
}
