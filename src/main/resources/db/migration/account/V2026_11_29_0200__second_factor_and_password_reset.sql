-- TOTP second factor: the secret is AES-GCM encrypted (SecretBox); enabled_at is null while the
-- person has not yet confirmed the setup with a code; last_used_step refuses a replayed code.
create table account_totp (
    account_id       text        primary key references account_person (id),
    secret_encrypted bytea       not null,
    enabled_at       timestamptz,
    last_used_step   bigint,
    created_at       timestamptz not null
);

-- Recovery codes: SHA-256 of the normalised code, each usable once.
create table account_recovery_code (
    account_id text        not null references account_person (id),
    code_hash  bytea       not null,
    used_at    timestamptz,
    primary key (account_id, code_hash)
);

-- Password reset links: SHA-256 of the random token, one hour, single use.
create table account_password_reset (
    token_hash bytea       primary key,
    account_id text        not null references account_person (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index account_password_reset_account on account_password_reset (account_id, created_at);
