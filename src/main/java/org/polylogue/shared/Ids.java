package org.polylogue.shared;

import java.security.SecureRandom;

/** Opaque identifiers: 16 characters of lower-case base32 (80 random bits), safe in URLs. */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new random id. */
    public static String next() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        var out = new StringBuilder(16);
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(int) (buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** Whether a string has the shape of an id made by {@link #next()}; says nothing about existence. */
    public static boolean looksValid(String id) {
        if (id == null || id.length() != 16) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (new String(ALPHABET).indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
