package org.polylogue.account.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.nayuki.qrcodegen.QrCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * RFC 6238 codes as every authenticator app makes them (HMAC-SHA1, 6 digits, 30 seconds), computed by
 * {@code com.eatthepath:java-otp}; the setup QR code is drawn by {@code io.nayuki:qrcodegen}.
 */
final class TotpCodes {

    static final int STEP_SECONDS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();

    private TotpCodes() {}

    static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as people type it into an app: base32 without padding, in groups of four. */
    static String base32(byte[] secret) {
        return Base32.toBase32String(secret).replace("=", "");
    }

    static String grouped(String base32) {
        return base32.replaceAll("(.{4})(?!$)", "$1 ");
    }

    static long step(Instant time) {
        return time.getEpochSecond() / STEP_SECONDS;
    }

    /**
     * The time step (the previous, current or next one, for clocks a little off) whose code is
     * {@code code}, if any; the comparison takes the same time whatever the code.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = -1;
        for (long step = current - 1; step <= current + 1; step++) {
            boolean same = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (same && found < 0) {
                found = step;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    static String code(byte[] secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, GENERATOR.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP_SECONDS), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code otpauth://} URI that authenticator apps read from the QR code. */
    static String otpauthUri(String issuer, String accountName, byte[] secret) {
        String label = URLEncoder.encode(issuer + ":" + accountName, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    /** The QR code of {@code text} as a {@code data:} URI of an SVG image (the CSP allows data: images). */
    static String qrDataUri(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
