package org.polylogue.account;

/**
 * A TOTP secret awaiting confirmation: the secret for typing into an app (base32 in groups of four),
 * the {@code otpauth://} URI and the same as a QR code ({@code data:image/svg+xml} URI).
 */
public record TotpSetup(String secret, String otpauthUri, String qrCodeDataUri) {}
