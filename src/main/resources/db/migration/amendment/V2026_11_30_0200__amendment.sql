-- Amendments proposed to a paragraph of a consultation's current draft. The paragraph is its stable
-- id (drafting_paragraph); made_on_version is the document version it was proposed against.
create table amendment (
    id                text        primary key,
    consultation_id   text        not null,
    document_id       text        not null,
    paragraph_id      text        not null,
    kind              text        not null check (kind in ('REPLACE', 'INSERT_AFTER', 'DELETE')),
    text              text,
    rationale         text        not null,
    made_on_version   integer     not null,
    author_account_id text        not null,
    organization_id   text,
    created_at        timestamptz not null
);
create index amendment_consultation on amendment (consultation_id, paragraph_id, created_at);
create index amendment_document on amendment (document_id, made_on_version);
create index amendment_author on amendment (author_account_id, created_at);

-- An organisation's current support; a withdrawal deletes the row (the history lives in the
-- AmendmentSupported events the position ledger records).
create table amendment_support (
    amendment_id    text        not null references amendment (id),
    organization_id text        not null,
    account_id      text        not null,
    supported_at    timestamptz not null,
    primary key (amendment_id, organization_id)
);

-- The secretariat's disposition of one input (an amendment or a comment). A draft until
-- published_at is set by "publish dispositions"; changing it makes it a draft again.
create table amendment_disposition (
    input_kind      text        not null check (input_kind in ('amendment', 'comment')),
    input_id        text        not null,
    consultation_id text        not null,
    decision        text        not null,
    reason          text,
    merged_into     text references amendment (id),
    decided_by      text        not null,
    decided_at      timestamptz not null,
    published_at    timestamptz,
    primary key (input_kind, input_id)
);
create index amendment_disposition_consultation on amendment_disposition (consultation_id, published_at);
