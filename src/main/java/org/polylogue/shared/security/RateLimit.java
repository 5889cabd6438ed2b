package org.polylogue.shared.security;

import java.time.Duration;

/**
 * What is rate-limited, per whom, and the default budget. Each budget is configuration:
 * {@code polylogue.rate-limit.<key>=<requests>/<ISO-8601 period>}, e.g. {@code comment-per-account=60/PT10M}.
 */
public enum RateLimit {
    SIGN_IN_PER_ADDRESS("sign-in-per-address", 20, Duration.ofMinutes(1), Scope.ADDRESS),
    /** Password attempts for one account (keyed by the email typed), from anywhere; passkeys are not affected. */
    SIGN_IN_PER_ACCOUNT("sign-in-per-account", 10, Duration.ofMinutes(15), Scope.KEY),
    REGISTRATION_PER_ADDRESS("registration-per-address", 30, Duration.ofHours(1), Scope.ADDRESS),
    PASSWORD_RESET_PER_ADDRESS("password-reset-per-address", 10, Duration.ofHours(1), Scope.ADDRESS),
    SECOND_FACTOR_PER_ADDRESS("second-factor-per-address", 10, Duration.ofMinutes(15), Scope.ADDRESS),
    /** Codes tried for one account, from anywhere and through any route (sign-in, API token, settings). */
    SECOND_FACTOR_PER_ACCOUNT("second-factor-per-account", 10, Duration.ofMinutes(15), Scope.KEY),
    TOKEN_CREATION_PER_ACCOUNT("token-creation-per-account", 20, Duration.ofHours(1), Scope.ACCOUNT),
    COMMENT_PER_ACCOUNT("comment-per-account", 60, Duration.ofMinutes(10), Scope.ACCOUNT),
    COMMENT_PER_ADDRESS("comment-per-address", 600, Duration.ofMinutes(10), Scope.ADDRESS),
    IMPORT_PER_ACCOUNT("import-per-account", 30, Duration.ofHours(1), Scope.ACCOUNT),
    /** Drafting joint statements and signing or withdrawing signatures, pages and API together. */
    STATEMENT_PER_ACCOUNT("statement-per-account", 60, Duration.ofHours(1), Scope.ACCOUNT),
    SUBMISSION_PER_ACCOUNT("submission-per-account", 20, Duration.ofHours(1), Scope.ACCOUNT),

    MAIL_PER_ACCOUNT("mail-per-account", 10, Duration.ofHours(1), Scope.ACCOUNT),
    /** Reports and review requests of one account. */
    REPORT_PER_ACCOUNT("report-per-account", 30, Duration.ofHours(1), Scope.ACCOUNT),
    /** Open data ZIP downloads (whole exports, expensive when not cached). */
    EXPORT_PER_ADDRESS("export-per-address", 30, Duration.ofHours(1), Scope.ADDRESS);

    /** Whose budget a request spends. */
    public enum Scope {
        /** The client address (kept in memory only, for the period of the limit). */
        ADDRESS,
        /** The signed-in account (the address when nobody is signed in). */
        ACCOUNT,
        /** A key the caller gives, such as the email typed into the sign-in form. */
        KEY
    }

    private final String key;
    private final int requests;
    private final Duration period;
    private final Scope scope;

    RateLimit(String key, int requests, Duration period, Scope scope) {
        this.key = key;
        this.requests = requests;
        this.period = period;
        this.scope = scope;
    }

    public String key() {
        return key;
    }

    public int defaultRequests() {
        return requests;
    }

    public Duration defaultPeriod() {
        return period;
    }

    public Scope scope() {
        return scope;
    }
}
