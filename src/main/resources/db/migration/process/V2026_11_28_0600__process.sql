create table process_process (
    id         text        primary key,
    slug       text        not null unique,
    title      text        not null,
    summary    text        not null,
    created_by text        not null,
    created_at timestamptz not null
);

create table process_secretariat (
    process_id text not null references process_process (id),
    account_id text not null,
    primary key (process_id, account_id)
);

create table process_consultation (
    id          text        primary key,
    process_id  text        not null references process_process (id),
    slug        text        not null unique,
    title       text        not null,
    opens_at    timestamptz not null,
    closes_at   timestamptz not null,
    document_id text        not null,
    created_at  timestamptz not null,
    check (closes_at > opens_at)
);
create index process_consultation_process on process_consultation (process_id);
create index process_consultation_closes on process_consultation (closes_at);
