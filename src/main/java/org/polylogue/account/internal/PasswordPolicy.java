package org.polylogue.account.internal;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Refuses weak passwords: outside 10–200 characters, guessable from zxcvbn's lists (the 30,000 most
 * common passwords of leaked password sets, English words and names, keyboard walks, sequences,
 * repeats and dates, shipped inside the {@code com.nulab-inc:zxcvbn} library), or containing the
 * person's own email name or display name.
 */
@Component
public class PasswordPolicy {

    /** Said next to the password field when zxcvbn guesses it in fewer than a million tries. */
    public static final String TOO_COMMON = "is too common: choose a longer passphrase of several unrelated words";
    public static final String PERSONAL = "must not contain your email address or your name";
    public static final String LENGTH = "must be 10 to 200 characters";

    /** zxcvbn's score 2 and up: at least 10^6 guesses, safe against online guessing under rate limits. */
    private static final int MINIMUM_SCORE = 2;
    /** zxcvbn is quadratic in the length; what follows the first 100 characters only makes it stronger. */
    private static final int MEASURED_LENGTH = 100;
    private static final int SHORTEST_PERSONAL_PART = 4;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /**
     * The message for the password field, or empty when the password is acceptable.
     *
     * @param email the account's email (may be null)
     * @param displayName the account's display name (may be null)
     */
    public Optional<String> problem(String password, String email, String displayName) {
        if (password == null || password.length() < 10 || password.length() > 200) {
            return Optional.of(LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (containsPersonal(lower, email, displayName)) {
            return Optional.of(PERSONAL);
        }
        String measured = password.length() > MEASURED_LENGTH ? password.substring(0, MEASURED_LENGTH) : password;
        if (zxcvbn.measure(measured).getScore() < MINIMUM_SCORE) {
            return Optional.of(TOO_COMMON);
        }
        return Optional.empty();
    }

    private static boolean containsPersonal(String lowerPassword, String email, String displayName) {
        if (email != null && email.contains("@")) {
            String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            if (local.length() >= SHORTEST_PERSONAL_PART && lowerPassword.contains(local)) {
                return true;
            }
        }
        if (displayName != null) {
            String name = displayName.strip().toLowerCase(Locale.ROOT);
            if (name.length() >= SHORTEST_PERSONAL_PART && lowerPassword.contains(name)) {
                return true;
            }
            String compact = name.replaceAll("[\\s._-]+", "");
            return compact.length() >= SHORTEST_PERSONAL_PART
                    && lowerPassword.replaceAll("[\\s._-]+", "").contains(compact);
        }
        return false;
    }
}
