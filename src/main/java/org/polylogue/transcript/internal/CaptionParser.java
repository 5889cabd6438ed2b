package org.polylogue.transcript.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the real-time captioning format of large internet-governance meetings: a title line; a
 * disclaimer paragraph (kept as the status, not as a turn); then turns, each starting with
 * {@code >> SPEAKER NAME:} in capitals (indentation allowed) or {@code >>} alone for an unknown
 * speaker, running over paragraphs until the next {@code >>}.
 *
 * <p>Decisions on ambiguous lines: a {@code >>} line whose text before the first colon has a
 * lower-case letter (or no letter) is not a label: it is an unknown speaker's turn and the whole
 * line is its text. A label in capitals that reads like a whole sentence (more than
 * {@value #MAX_LABEL_WORDS} words, longer than {@value #MAX_LABEL_LENGTH} characters, or with
 * {@code ? ! ;}) is reported as a problem at its line, so that the secretariat corrects the
 * transcript rather than a sentence becoming a speaker in the record. Lines that look like labels
 * but do not start with {@code >>} are text.
 */
public final class CaptionParser {

    static final int MAX_LABEL_WORDS = 8;
    static final int MAX_LABEL_LENGTH = 80;

    private static final Pattern DISCLAIMER = Pattern.compile(
            "caption|authoritative|verbatim|\\bcart\\b|not be a totally", Pattern.CASE_INSENSITIVE);
    /** A name as moderators say it: capitalised words, with the small words of names and organisations between. */
    private static final String NAME = "((?:[\\p{Lu}][\\p{L}'’.\\-]*)(?:\\s+(?:[\\p{Lu}][\\p{L}'’.\\-]*|of|the|for|de|del|da|do|du|van|von|al|bin|and)){0,11})";
    private static final Pattern QUESTION = Pattern.compile(
            "(?i:\\b(?<online1>online\\s+)?questions?\\s+(?:that\\s+)?(?:comes\\s+|is\\s+|came\\s+)?(?:in\\s+)?"
                    + "(?<online2>online\\s+)?from\\s+(?:(?:the\\s+)?(?<online3>online|remote)\\s+"
                    + "(?:participants?|audience),?\\s+(?:from\\s+)?)?)" + NAME.replaceFirst("\\(", "(?<name>"));
    private static final Pattern FLOOR = Pattern.compile(
            "(?i:give|giving|pass|passing|hand|handing|turn|turning)\\s+the\\s+floor\\s+(?:over\\s+)?to\\s+" + NAME
                    + "|(?i:over\\s+to\\s+you|the\\s+floor\\s+is\\s+yours|you\\s+have\\s+the\\s+floor),?\\s+" + NAME
                    + "|\\bI\\s+(?:now\\s+)?(?i:call\\s+on|invite|recogni[sz]e)\\s+" + NAME);

    private CaptionParser() {}

    public static ParsedTranscript parse(String text) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        List<ParsedTranscript.Problem> problems = new ArrayList<>();
        String title = null;
        List<String> preamble = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            int marker = markerAt(line);
            if (marker >= 0) {
                String rest = line.substring(marker + 2);
                current = new Draft(number);
                drafts.add(current);
                int colon = rest.indexOf(':');
                String candidate = colon < 0 ? "" : spaceless(rest.substring(0, colon));
                if (colon >= 0 && isLabel(candidate)) {
                    String label = TranscriptText.normalize(candidate);
                    String problem = sentenceProblem(label);
                    if (problem != null) {
                        problems.add(new ParsedTranscript.Problem(number, problem));
                    }
                    current.label = label;
                    current.add(rest.substring(colon + 1));
                } else {
                    current.add(rest);
                }
            } else if (current != null) {
                current.add(line);
            } else if (!blank(line)) {
                if (title == null && preamble.isEmpty()) {
                    title = TranscriptText.normalize(line);
                } else {
                    preamble.add(line);
                }
            } else if (title != null && !preamble.isEmpty()) {
                preamble.add("");
            }
        }
        if (drafts.isEmpty()) {
            int last = lines.length;
            while (last > 1 && blank(lines[last - 1])) {
                last--;
            }
            problems.add(new ParsedTranscript.Problem(last, "No turns: no line starts with "
                    + "“>>” followed by a speaker in capitals and a colon (for example “>> CHAIR: Good morning”)."));
        }
        List<ParsedTranscript.Turn> turns = new ArrayList<>();
        List<ParsedTranscript.Question> questions = new ArrayList<>();
        String introduced = null;
        for (Draft draft : drafts) {
            var turn = new ParsedTranscript.Turn(turns.size() + 1, draft.label, draft.line, draft.paragraphs(), introduced);
            turns.add(turn);
            introduced = null;
            for (String paragraph : turn.paragraphs()) {
                String said = TranscriptText.normalize(paragraph);
                Matcher q = QUESTION.matcher(said);
                while (q.find()) {
                    String askedBy = trimName(q.group("name"));
                    if (askedBy != null) {
                        boolean online = q.group("online1") != null || q.group("online2") != null
                                || q.group("online3") != null;
                        questions.add(new ParsedTranscript.Question(turn.number(), askedBy, online,
                                questionText(said.substring(q.start("name") + askedBy.length()))));
                    }
                }
                Matcher f = FLOOR.matcher(said);
                while (f.find()) {
                    String name = f.group(1) != null ? f.group(1) : f.group(2) != null ? f.group(2) : f.group(3);
                    introduced = trimName(name);
                }
            }
        }
        String preambleText = TranscriptText.normalize(String.join("\n", preamble));
        boolean unofficial = DISCLAIMER.matcher(preambleText).find()
                || (title != null && DISCLAIMER.matcher(title).find() && title.toLowerCase(Locale.ROOT).contains("not"));
        return new ParsedTranscript(title, preambleText, unofficial, turns, questions, problems);
    }

    /** The index of {@code >>} when the line starts a turn (after spaces, tabs or non-breaking spaces), else -1. */
    public static int markerAt(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\u00A0'
                || line.charAt(i) == '\u202F' || line.charAt(i) == '\uFEFF')) {
            i++;
        }
        return line.startsWith(">>", i) ? i : -1;
    }

    private static boolean isLabel(String candidate) {
        boolean letter = false;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static String sentenceProblem(String label) {
        int words = label.split(" ").length;
        if (words > MAX_LABEL_WORDS || label.length() > MAX_LABEL_LENGTH || label.matches(".*[?!;].*")) {
            String shown = label.length() > 60 ? label.substring(0, 60) + "…" : label;
            return "The speaker name “" + shown + "” reads like a whole sentence (" + words + " words). Write the "
                    + "speaker's name before the colon and the sentence after it, or start the line with “>>” alone.";
        }
        return null;
    }

    private static String questionText(String after) {
        String text = after.replaceFirst("^[\\s,:;.\\-]*(?:(?:who|and|she|he|they)\\s+(?:asks?|wants? to know|says?)"
                + ")?[\\s,:;]*", "").strip();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    /**
     * The name as a prefix of what matched: up to the first word that ends a sentence (a full stop after a
     * word that is not a short title such as "Dr." or "H.E."), without trailing small words ("Kenya and"
     * → "Kenya"); null when nothing is left.
     */
    private static String trimName(String name) {
        if (name == null) {
            return null;
        }
        Matcher word = Pattern.compile("\\S+").matcher(name);
        int end = name.length();
        while (word.find()) {
            String w = word.group();
            if (w.endsWith(".") && w.replace(".", "").length() > 3) {
                end = word.end() - 1;
                break;
            }
        }
        String trimmed = name.substring(0, end).strip()
                .replaceAll("(?:\\s+(?:of|the|for|de|del|da|do|du|van|von|al|bin|and))+$", "")
                .replaceAll("[’'\\-]+$", "");
        return trimmed.isBlank() ? null : trimmed;
    }

    private static String spaceless(String text) {
        return text.replace('\u00A0', ' ').strip();
    }

    static boolean blank(String line) {
        return line.replace('\u00A0', ' ').replace('\u202F', ' ').isBlank();
    }

    /** A turn being read: its lines until the next {@code >>}. */
    private static final class Draft {
        final int line;
        String label;
        final List<String> lines = new ArrayList<>();

        Draft(int line) {
            this.line = line;
        }

        void add(String text) {
            lines.add(text);
        }

        List<String> paragraphs() {
            List<String> paragraphs = new ArrayList<>();
            var paragraph = new StringBuilder();
            for (String line : lines) {
                if (blank(line)) {
                    if (!paragraph.isEmpty()) {
                        paragraphs.add(paragraph.toString());
                        paragraph.setLength(0);
                    }
                } else {
                    if (!paragraph.isEmpty()) {
                        paragraph.append('\n');
                    }
                    paragraph.append(strip(line));
                }
            }
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph.toString());
            }
            return paragraphs;
        }

        private static String strip(String line) {
            int start = 0;
            int end = line.length();
            while (start < end && isSpace(line.charAt(start))) {
                start++;
            }
            while (end > start && isSpace(line.charAt(end - 1))) {
                end--;
            }
            return line.substring(start, end);
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\uFEFF';
        }
    }
}
