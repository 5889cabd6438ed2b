-- Written submissions to a consultation. The original file is kept on disk under
-- POLYLOGUE_DATA_DIR/submissions/, named by the SHA-256 of its bytes (two identical uploads share
-- one file); the text extracted from it is kept here for search and synthesis.
create table submission_submission (
    id                text        primary key,
    consultation_id   text        not null,
    author_account_id text        not null,
    organization_id   text,
    title             text        not null,
    summary           text        not null,
    file_name         text        not null,
    media_type        text        not null,
    size_bytes        bigint      not null,
    sha256            char(64)    not null,
    page_count        integer,
    extracted_text    text        not null,
    text_truncated    boolean     not null,
    language          text,
    submitted_at      timestamptz not null
);
create index submission_submission_consultation on submission_submission (consultation_id, submitted_at, id);
create index submission_submission_sha256 on submission_submission (sha256);
