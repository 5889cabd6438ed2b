package org.polylogue.drafting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polylogue.drafting.ChangeKind;

/**
 * Random documents from a cyber-policy vocabulary, randomly edited: paragraphs left alone keep
 * their ids wherever they move, and no paragraph ever takes the id of one it does not come from.
 * Property-based with plain JUnit: each case is one seed (printed in the test name, so a failure
 * replays exactly) driving the document size, the text and the edits.
 */
class AlignmentProperties {

    static final String[] WORDS = ("state states should shall ict icts critical infrastructure security international "
            + "law norm norms responsible behaviour capacity building confidence measures cooperation incident "
            + "response team teams vulnerability disclosure supply chain integrity human rights privacy expression "
            + "stakeholder private sector civil society academia technical community sovereignty attribution "
            + "threat threats ransomware hospital energy grid election financial data protection cybercrime "
            + "convention assistance request timely directory contact exercise transparency predictability "
            + "escalation conflict peace stability development gap divide training curricula research portal "
            + "fund mechanism dialogue session chair report consensus delegation region regional organization "
            + "voluntary binding framework implementation review indicator evidence gender youth workforce").split(" ");

    /** A vocabulary the size of a real negotiated text's (about 3,000 distinct words), drawn Zipf-like. */
    static final String[] RICH = rich();

    private static String[] rich() {
        var random = new Random(7);
        var words = new ArrayList<String>(List.of(WORDS));
        while (words.size() < 3000) {
            var word = new StringBuilder();
            for (int i = 0, length = 4 + random.nextInt(8); i < length; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    static LongStream seeds() {
        return new Random(20261130).longs(60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void untouchedParagraphsKeepTheirIdsAndNothingUnrelatedIsMatched(long seed) {
        var random = new Random(seed);
        int size = 1 + random.nextInt(40);
        var old = document(random, size, RICH);
        List<String> fresh = new ArrayList<>();
        List<String> origin = new ArrayList<>();
        var untouched = new HashSet<String>();
        for (var paragraph : old) {
            int roll = random.nextInt(10);
            if (roll == 0) {
                continue;
            } else if (roll == 1) {
                fresh.add(edit(random, paragraph.text(), 0.05 + random.nextDouble() * 0.3, RICH));
                origin.add(paragraph.id());
            } else if (roll == 2) {
                fresh.add(sentence(random, 10 + random.nextInt(30), RICH));
                origin.add(null);
                fresh.add(paragraph.text());
                origin.add(paragraph.id());
                untouched.add(paragraph.id());
            } else {
                fresh.add(paragraph.text());
                origin.add(paragraph.id());
                untouched.add(paragraph.id());
            }
        }
        for (int k = random.nextInt(3); k > 0 && fresh.size() > 1; k--) {
            int from = random.nextInt(fresh.size());
            int to = random.nextInt(fresh.size());
            fresh.add(to, fresh.remove(from));
            origin.add(to, origin.remove(from));
        }
        var alignment = ParagraphAligner.align(old, fresh);
        var kept = new HashSet<String>();
        for (int j = 0; j < fresh.size(); j++) {
            var match = alignment.matches().get(j);
            String id = match.keepsId() ? old.get(match.previousIndex()).id() : null;
            if (id != null) {
                assertThat(id).as("paragraph %d took the id of an unrelated one", j + 1).isEqualTo(origin.get(j));
                assertThat(kept.add(id)).as("an id is given once").isTrue();
            }
            if (origin.get(j) != null && untouched.contains(origin.get(j))) {
                assertThat(id).as("untouched paragraph %d keeps its id", j + 1).isEqualTo(origin.get(j));
                assertThat(match.change()).isIn(ChangeKind.UNCHANGED, ChangeKind.MOVED);
            }
        }
    }

    static List<ParagraphAligner.OldParagraph> document(Random random, int size) {
        return document(random, size, WORDS);
    }

    static List<ParagraphAligner.OldParagraph> document(Random random, int size, String[] vocabulary) {
        List<ParagraphAligner.OldParagraph> paragraphs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            paragraphs.add(new ParagraphAligner.OldParagraph("p" + i,
                    sentence(random, 15 + random.nextInt(45), vocabulary)));
        }
        return paragraphs;
    }

    static String sentence(Random random, int words) {
        return sentence(random, words, WORDS);
    }

    static String sentence(Random random, int words, String[] vocabulary) {
        var text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(pick(random, vocabulary));
        }
        return text.append('.').toString();
    }

    /** Replaces about {@code share} of the words by others. */
    static String edit(Random random, String text, double share) {
        return edit(random, text, share, WORDS);
    }

    /** A word, the first ones of the vocabulary far more often (roughly Zipf). */
    static String pick(Random random, String[] vocabulary) {
        int index = (int) Math.floor(Math.pow(vocabulary.length + 1, random.nextDouble())) - 1;
        return vocabulary[Math.min(index, vocabulary.length - 1)];
    }

    static String edit(Random random, String text, double share, String[] vocabulary) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (random.nextDouble() < share) {
                words[i] = pick(random, vocabulary);
            }
        }
        return String.join(" ", words);
    }
}
