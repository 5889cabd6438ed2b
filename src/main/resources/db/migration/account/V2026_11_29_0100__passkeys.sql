-- Passkeys (WebAuthn) as Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository read and write them. The table and column names are fixed by Spring
-- Security (its user-entities-schema.sql and user-credentials-schema-postgres.sql), so they keep
-- Spring's names instead of the account_ prefix; the types are PostgreSQL's.

-- One WebAuthn user handle per person. "name" is the account's email (Spring looks the person up by
-- it); the foreign key keeps it in step if the email ever changes and removes it with the account.
create table user_entities (
    id           varchar(1000) primary key,
    name         text          not null unique references account_person (email) on update cascade on delete cascade,
    display_name text
);

-- One row per passkey. Only the public key is stored; the private key never leaves the authenticator.
create table user_credentials (
    credential_id                varchar(1000) primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamptz,
    last_used                    timestamptz,
    label                        varchar(1000) not null
);
create index user_credentials_user on user_credentials (user_entity_user_id);
