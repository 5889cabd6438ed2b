create table account_person (
    id                text        primary key,
    email             text        not null unique,
    password_hash     text        not null,
    display_name      text        not null,
    administrator     boolean     not null default false,
    email_verified_at timestamptz,
    created_at        timestamptz not null
);

create table account_api_token (
    id           text        primary key,
    account_id   text        not null references account_person (id),
    token_hash   bytea       not null unique,
    name         text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index account_api_token_account on account_api_token (account_id);

create table account_email_verification (
    token_hash bytea       primary key,
    account_id text        not null references account_person (id),
    created_at timestamptz not null,
    expires_at timestamptz not null
);
