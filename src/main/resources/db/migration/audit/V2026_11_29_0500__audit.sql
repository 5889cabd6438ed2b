create table audit_event (
    id               bigint      generated always as identity primary key,
    at               timestamptz not null,
    kind             text        not null,
    actor_account_id text,
    subject          text,
    detail           text        not null
);
create index audit_event_at on audit_event (at);
create index audit_event_actor on audit_event (actor_account_id, at);
create index audit_event_kind on audit_event (kind, at);
