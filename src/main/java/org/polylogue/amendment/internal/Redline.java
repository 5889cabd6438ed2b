package org.polylogue.amendment.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polylogue.amendment.AmendmentKind;
import org.polylogue.amendment.RedlineSegment;
import org.polylogue.amendment.RedlineSegment.Type;

/** Word-level redlines of an amendment against the paragraph it changes (java-diff-utils on word tokens). */
public final class Redline {

    /**
     * Words, runs of whitespace and single punctuation marks, so that "infrastructure." and
     * "infrastructure providing" share the word; joining the tokens gives the text back.
     */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+|\\s+|[^\\p{L}\\p{N}\\p{M}\\s]");

    private Redline() {}

    /**
     * The amendment as segments: REPLACE diffs the new text against the current one word by word;
     * DELETE deletes the whole paragraph; INSERT_AFTER keeps the paragraph and inserts the new one.
     */
    public static List<RedlineSegment> of(AmendmentKind kind, String current, String proposed) {
        String before = current == null ? "" : current;
        return switch (kind) {
            case DELETE -> List.of(new RedlineSegment(Type.DELETED, before));
            case INSERT_AFTER -> List.of(new RedlineSegment(Type.SAME, before),
                    new RedlineSegment(Type.INSERTED, proposed == null ? "" : proposed));
            case REPLACE -> words(before, proposed == null ? "" : proposed);
        };
    }

    static List<RedlineSegment> words(String before, String after) {
        List<String> original = tokens(before);
        List<String> revised = tokens(after);
        List<RedlineSegment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(original, revised).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Type.SAME, String.join("", original.subList(position, start)));
            add(segments, Type.DELETED, String.join("", delta.getSource().getLines()));
            add(segments, Type.INSERTED, String.join("", delta.getTarget().getLines()));
            position = start + delta.getSource().size();
        }
        add(segments, Type.SAME, String.join("", original.subList(position, original.size())));
        return segments;
    }

    private static void add(List<RedlineSegment> segments, Type type, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!segments.isEmpty() && segments.getLast().type() == type) {
            var last = segments.removeLast();
            segments.add(new RedlineSegment(type, last.text() + text));
        } else {
            segments.add(new RedlineSegment(type, text));
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
