package org.polylogue.account;

/** Whether an account signs in with a TOTP code besides its password, and how many recovery codes are left. */
public record TwoFactorStatus(boolean enabled, int recoveryCodesLeft) {}
