package org.polylogue.account.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts small secrets (TOTP keys) at rest with AES-256-GCM, bound to the account they belong to.
 * The key comes from {@code POLYLOGUE_TOTP_KEY} (base64 of 32 bytes) or else from the file
 * {@code secret-box.key} in the data directory, created on first use; a stolen database dump alone
 * then reveals no second factor.
 */
@Component
class SecretBox {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SecretBox(@Value("${polylogue.totp.key:}") String configuredKey, @Value("${polylogue.data-dir}") String dataDir) {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(Path.of(dataDir, "secret-box.key"))
                : Base64.getDecoder().decode(configuredKey.strip()), "AES");
    }

    /**
     * A keyed hash (HMAC-SHA256, with a key derived from the box's key) of a short secret such as a
     * recovery code: a database dump alone does not allow trying all codes offline.
     */
    byte[] fingerprint(String secret, String boundTo) {
        try {
            var derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(key);
            byte[] macKey = derive.doFinal("polylogue recovery codes v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            mac.update(boundTo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    byte[] seal(byte[] plain, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] open(byte[] box, String boundTo) {
        if (box.length < 1 + NONCE_BYTES || box[0] != VERSION) {
            throw new IllegalStateException("Unknown secret box format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, box, 1, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(box, 1 + NONCE_BYTES, box.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A secret could not be decrypted (was the key changed?)", e);
        }
    }

    private static synchronized byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data directory's own permissions protect it
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }
}
