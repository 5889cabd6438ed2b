package org.polylogue.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import org.polylogue.TestBrowser;

/** Turns on the second factor through the pages, as a person with an authenticator app would. */
public final class SecondFactorSteps {

    /** What the person keeps: the secret key (as in the app) and the recovery codes shown once. */
    public record Enabled(String secret, List<String> recoveryCodes) {}

    private static final Pattern SECRET = Pattern.compile("<code id=\"totp-secret\" class=\"secret\">([A-Z2-7 ]+)</code>");
    private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>");
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

    private SecondFactorSteps() {}

    /** For a signed-in browser: sets up the app and confirms with the code of the previous time step. */
    public static Enabled enable(TestBrowser browser) {
        browser.get("/account/two-factor");
        var setUp = browser.post("/account/two-factor/setup", Map.of());
        assertThat(setUp.redirectsTo("/account/two-factor")).as(setUp.toString()).isTrue();
        String secret = secretOn(browser.get("/account/two-factor").body());
        var enabled = browser.post("/account/two-factor/enable", Map.of("code", code(secret, -1)));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        return new Enabled(secret, recoveryCodesOn(enabled.body()));
    }

    public static String secretOn(String html) {
        var matcher = SECRET.matcher(html);
        assertThat(matcher.find()).as("the secret key is shown as text").isTrue();
        return matcher.group(1).replace(" ", "");
    }

    public static List<String> recoveryCodesOn(String html) {
        var matcher = RECOVERY.matcher(html);
        List<String> codes = new ArrayList<>();
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    /** The code an app shows now, {@code stepsAhead} time steps of 30 seconds ahead (negative: ago). */
    public static String code(String base32Secret, int stepsAhead) {
        try {
            var key = new SecretKeySpec(Base32.decode(pad(base32Secret)), TOTP.getAlgorithm());
            return TOTP.generateOneTimePasswordString(key, Instant.now().plusSeconds(30L * stepsAhead), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pad(String base32) {
        return base32 + "=".repeat((8 - base32.length() % 8) % 8);
    }
}
