-- A comment's author may correct it while the consultation is open; every earlier text is kept.
alter table contribution_comment add column edited_at timestamptz;

create table contribution_comment_revision (
    comment_id  text        not null references contribution_comment (id),
    revision    integer     not null,
    body        text        not null,
    written_at  timestamptz not null,
    replaced_at timestamptz not null,
    primary key (comment_id, revision)
);
