-- Comments. Name, organisation, stakeholder group and country are kept as given for imported
-- comments (author_account_id null); for platform comments the group and country are a snapshot
-- of the organisation at the time of the comment, so that later synthesis counts what was declared.
create table contribution_comment (
    id                text        primary key,
    consultation_id   text        not null,
    paragraph_id      text,
    version           integer     not null,
    author_account_id text,
    author_name       text,
    organization_id   text,
    organization_name text,
    stakeholder_group text,
    country           char(2),
    body              text        not null,
    body_html         text        not null,
    source            text        not null,
    external_id       text,
    submitted_at      timestamptz not null,
    created_at        timestamptz not null
);
create index contribution_comment_paragraph on contribution_comment (consultation_id, paragraph_id, submitted_at, id);
create index contribution_comment_author on contribution_comment (author_account_id, submitted_at desc) where author_account_id is not null;
create index contribution_comment_organization on contribution_comment (organization_id, submitted_at desc) where organization_id is not null;
create unique index contribution_comment_external on contribution_comment (consultation_id, external_id) where external_id is not null;
