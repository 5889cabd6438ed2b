-- Position ledger: named proposals of a process, and stances (append-only) with their evidence.

create table position_proposal (
    id          text primary key,
    process_id  text not null,
    name        text not null,
    description text not null default '',
    created_by  text not null,
    created_at  timestamptz not null,
    -- a deleted proposal is kept (deleting again answers 404 only to those who may delete)
    deleted_at  timestamptz
);
create unique index position_proposal_name on position_proposal (process_id, lower(name)) where deleted_at is null;

create table position_stance (
    id              text primary key,
    process_id      text not null,
    actor_kind      text not null check (actor_kind in ('organization', 'person')),
    actor_id        text not null,
    item_kind       text not null check (item_kind in ('consultation', 'paragraph', 'amendment', 'proposal')),
    item_id         text not null,
    consultation_id text,
    position        text not null check (position in ('SUPPORTS', 'OPPOSES', 'WANTS_AMENDMENT', 'CONDITIONAL', 'NEUTRAL')),
    summary         text not null,
    stated_on       date not null,
    recorded_at     timestamptz not null,
    recorded_by     text,
    recorded_as     text not null,
    -- set for stances recorded from an event, so that a redelivered event records nothing twice
    source_key      text unique
);
create index position_stance_process on position_stance (process_id, stated_on, recorded_at);
create index position_stance_actor on position_stance (actor_kind, actor_id, stated_on);

create table position_evidence (
    stance_id text not null references position_stance (id),
    ordinal   int not null,
    kind      text not null check (kind in ('comment', 'turn', 'statement', 'submission', 'amendment', 'link')),
    ref_id    text,
    url       text,
    label     text not null,
    primary key (stance_id, ordinal)
);
