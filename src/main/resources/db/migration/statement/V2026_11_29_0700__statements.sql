-- Joint statements: drafted by a representative for a lead organisation, signed by organisations.
create table statement_statement (
    id                   text primary key,
    title                text        not null,
    body                 text        not null,
    body_html            text        not null,
    lead_organization_id text        not null,
    created_by           text        not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    process_id           text,
    consultation_id      text,
    paragraph_id         text,
    join_token           text        not null unique,
    signing_opened_at    timestamptz,
    signing_closes_at    timestamptz,
    signing_closed_at    timestamptz
);
create index statement_statement_public on statement_statement (signing_opened_at desc) where signing_opened_at is not null;
create index statement_statement_lead on statement_statement (lead_organization_id);

create table statement_invitation (
    statement_id    text        not null references statement_statement (id),
    organization_id text        not null,
    invited_by      text        not null,
    invited_at      timestamptz not null,
    primary key (statement_id, organization_id)
);

-- One row per signing; a withdrawal dates the row and keeps it. At most one current signature per organisation.
create table statement_signature (
    id              text primary key,
    statement_id    text        not null references statement_statement (id),
    organization_id text        not null,
    signed_by       text        not null,
    signed_at       timestamptz not null,
    withdrawn_by    text,
    withdrawn_at    timestamptz
);
create unique index statement_signature_current on statement_signature (statement_id, organization_id)
    where withdrawn_at is null;
create index statement_signature_statement on statement_signature (statement_id, signed_at);
