package org.polylogue.synthesis.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.synthesis.Input;
import org.polylogue.synthesis.InputCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inputs per kind for the digest's figures: texts from the members of the latest digest, stances
 * (which have no member row) as the latest run read them.
 */
@Repository
public class InputCounts {

    /** Kinds in the order they are shown, with their names in the singular and plural. */
    static final Map<String, String[]> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("comment", new String[] {"comment", "comments"});
        NAMES.put("submission", new String[] {"written submission", "written submissions"});
        NAMES.put(AmendmentInputs.KIND, new String[] {"amendment", "amendments"});
        NAMES.put(TurnInputs.KIND, new String[] {"transcript turn", "transcript turns"});
        NAMES.put(AmendmentInputs.SUPPORT, new String[] {"amendment support", "amendment supports"});
        NAMES.put(StanceInputs.KIND, new String[] {"position-ledger stance", "position-ledger stances"});
        NAMES.put("stance", new String[] {"statement signature", "statement signatures"});
    }

    private final JdbcClient jdbc;

    InputCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers how many stance-only inputs of each kind a run read. */
    @Transactional
    public void saveStances(String consultationId, List<Input> inputs, Instant at) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Input input : inputs) {
            if (input.text() == null || input.text().isBlank()) {
                counts.merge(input.kind(), 1, Integer::sum);
            }
        }
        jdbc.sql("delete from synthesis_input_count where consultation_id = :c").param("c", consultationId).update();
        counts.forEach((kind, n) -> jdbc.sql("insert into synthesis_input_count (consultation_id, kind, inputs, read_at) "
                + "values (:c, :k, :n, :at)").param("c", consultationId).param("k", kind).param("n", n)
                .param("at", Timestamp.from(at)).update());
    }

    /** Texts of the latest digest and stances of the latest run, per kind (kinds with none left out). */
    public List<InputCount> counts(String consultationId) {
        Map<String, Integer> texts = new LinkedHashMap<>();
        jdbc.sql("select input_kind, count(*) from synthesis_member where consultation_id = :c group by input_kind")
                .param("c", consultationId).query(rs -> {
                    texts.put(rs.getString(1), rs.getInt(2));
                });
        Map<String, Integer> stances = new LinkedHashMap<>();
        jdbc.sql("select kind, inputs from synthesis_input_count where consultation_id = :c").param("c", consultationId)
                .query(rs -> {
                    stances.put(rs.getString(1), rs.getInt(2));
                });
        List<InputCount> result = new ArrayList<>();
        for (String kind : NAMES.keySet()) {
            add(result, kind, texts.getOrDefault(kind, 0), false);
        }
        texts.keySet().stream().filter(k -> !NAMES.containsKey(k)).sorted()
                .forEach(k -> add(result, k, texts.get(k), false));
        for (String kind : NAMES.keySet()) {
            add(result, kind, stances.getOrDefault(kind, 0), true);
        }
        return result;
    }

    private static void add(List<InputCount> result, String kind, int count, boolean stanceOnly) {
        if (count > 0) {
            result.add(new InputCount(kind, count, label(kind, count), stanceOnly));
        }
    }

    static String label(String kind, int count) {
        String[] names = NAMES.getOrDefault(kind, new String[] {kind, kind});
        return count + " " + (count == 1 ? names[0] : names[1]);
    }

    /** "40 comments, 3 amendments and 12 transcript turns". */
    public static String sentence(List<InputCount> counts) {
        List<String> labels = counts.stream().map(InputCount::label).toList();
        if (labels.size() <= 1) {
            return String.join("", labels);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.getLast();
    }
}
