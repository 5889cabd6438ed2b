create table drafting_document (
    id         text        primary key,
    created_at timestamptz not null
);

create table drafting_version (
    id            text        primary key,
    document_id   text        not null references drafting_document (id),
    number        integer     not null,
    source_format text        not null,
    source_text   text        not null,
    created_at    timestamptz not null,
    unique (document_id, number)
);

-- A paragraph's identity, stable across versions; its text and number live per version in drafting_block.
create table drafting_paragraph (
    id          text primary key,
    document_id text not null references drafting_document (id)
);

create table drafting_block (
    version_id   text    not null references drafting_version (id),
    position     integer not null,
    kind         text    not null,
    level        integer not null,
    paragraph_id text references drafting_paragraph (id),
    number       integer,
    text         text    not null,
    primary key (version_id, position)
);
create index drafting_block_paragraph on drafting_block (paragraph_id);
