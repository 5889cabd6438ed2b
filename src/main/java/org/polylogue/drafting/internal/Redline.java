package org.polylogue.drafting.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polylogue.drafting.VersionDiff.Segment;

/**
 * A word-level redline between two texts (java-diff-utils over words, each with the spaces after
 * it, so that shared spaces do not cut a rewritten phrase into interleaved single words).
 */
public final class Redline {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+\\s*|[^\\s\\p{L}\\p{N}]\\s*|\\s+");

    private Redline() {}

    public static List<Segment> of(String before, String after) {
        if (before == null) {
            return List.of(new Segment(Segment.Kind.INSERTED, after));
        }
        if (after == null) {
            return List.of(new Segment(Segment.Kind.DELETED, before));
        }
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        var patch = DiffUtils.diff(a, b);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Segment.Kind.EQUAL, a.subList(position, start));
            add(segments, Segment.Kind.DELETED, delta.getSource().getLines());
            add(segments, Segment.Kind.INSERTED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, Segment.Kind.EQUAL, a.subList(position, a.size()));
        return segments;
    }

    private static void add(List<Segment> segments, Segment.Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.getLast().kind() == kind) {
            text = segments.removeLast().text() + text;
        }
        segments.add(new Segment(kind, text));
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
