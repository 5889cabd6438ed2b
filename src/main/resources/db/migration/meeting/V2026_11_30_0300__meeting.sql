create table meeting (
    id          text        primary key,
    slug        text        not null unique,
    process_id  text,
    title       text        not null,
    kind        text        not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    time_zone   text        not null,
    place       text,
    online_url  text,
    capacity    integer,
    agenda      text        not null default '',
    created_by  text        not null,
    created_at  timestamptz not null,
    check (ends_at > starts_at),
    check (capacity is null or capacity > 0)
);
create index meeting_process on meeting (process_id, starts_at);
