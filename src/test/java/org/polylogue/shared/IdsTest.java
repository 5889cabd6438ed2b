package org.polylogue.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreSixteenUrlSafeCharactersOfCrockfordStyleBase32() {
        for (int i = 0; i < 1_000; i++) {
            String id = Ids.next();
            assertThat(id).hasSize(16).matches("[0-9a-hjkmnp-tv-z]{16}");
            assertThat(Ids.looksValid(id)).isTrue();
        }
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(Ids.next())).isTrue();
        }
    }

    @Test
    void everyCharacterOfTheAlphabetIsUsed() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Ids.next().chars().forEach(c -> used.add((char) c));
        }
        assertThat(used).hasSize(32);
    }

    @Test
    void stringsOfAnotherShapeDoNotLookLikeIds() {
        assertThat(Ids.looksValid(null)).isFalse();
        assertThat(Ids.looksValid("")).isFalse();
        assertThat(Ids.looksValid("0123456789abcde")).isFalse();
        assertThat(Ids.looksValid("0123456789abcdefg")).isFalse();
        assertThat(Ids.looksValid("0123456789ABCDEF")).isFalse();
        assertThat(Ids.looksValid("0123456789abcdei")).as("i is not in the alphabet").isFalse();
        assertThat(Ids.looksValid("0123456789abcdeu")).as("u is not in the alphabet").isFalse();
        assertThat(Ids.looksValid("0123456789abcdef")).isTrue();
    }
}
