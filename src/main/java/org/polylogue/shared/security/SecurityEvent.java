package org.polylogue.shared.security;

/**
 * Something security-relevant happened. Any module publishes it (ApplicationEventPublisher); the
 * audit module records it for administrators. Carries no IP address and no secret.
 *
 * @param kind what happened
 * @param actorAccountId who did it (null when nobody was signed in, e.g. a failed sign-in)
 * @param subject what it concerned, e.g. "account:ID", "organization:ID", "process:ID", "token:ID"
 * @param detail a short human-readable detail (a reason, a role, a token name); never a secret
 */
public record SecurityEvent(Kind kind, String actorAccountId, String subject, String detail) {

    public enum Kind {
        SIGN_IN,
        SIGN_IN_FAILED,
        SIGN_IN_RATE_LIMITED,
        SIGN_OUT_EVERYWHERE,
        SESSION_REVOKED,
        PASSWORD_CHANGED,
        PASSWORD_RESET_REQUESTED,
        PASSWORD_RESET,
        PASSKEY_ADDED,
        PASSKEY_REMOVED,
        TOTP_ENABLED,
        TOTP_DISABLED,
        RECOVERY_CODE_USED,
        EMAIL_VERIFIED,
        TOKEN_CREATED,
        TOKEN_REVOKED,
        TOKEN_USED,
        ROLE_GRANTED,
        ROLE_REVOKED,
        ORGANIZATION_VERIFIED,
        ORGANIZATION_VERIFICATION_REVOKED,
        ORGANIZATION_DOMAIN_CLAIMED,
        PSEUDONYM_CHANGED,
        ACCREDITATION_DECIDED
    }

    public SecurityEvent {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        detail = detail == null ? "" : detail;
    }
}
