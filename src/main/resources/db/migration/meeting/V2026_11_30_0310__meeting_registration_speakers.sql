-- Meetings can be changed and cancelled; SEQUENCE in calendars counts the changes.
alter table meeting add column cancelled_at timestamptz;
alter table meeting add column updated_at timestamptz;
alter table meeting add column sequence integer not null default 0;
update meeting set updated_at = created_at;
alter table meeting alter column updated_at set not null;
create index meeting_starts on meeting (starts_at);

-- Links to the meeting's documents (title and URL), in the order they were added.
create table meeting_document (
    id         text        primary key,
    meeting_id text        not null references meeting (id),
    title      text        not null,
    url        text        not null,
    added_by   text        not null,
    added_at   timestamptz not null
);
create index meeting_document_meeting on meeting_document (meeting_id, added_at);

-- Registrations: REGISTERED within capacity, WAITING in order of queue_number (first come, first
-- promoted), CANCELLED kept for the record. One active registration per person and meeting.
create table meeting_registration (
    id              text        primary key,
    meeting_id      text        not null references meeting (id),
    account_id      text        not null,
    organization_id text,
    status          text        not null check (status in ('REGISTERED', 'WAITING', 'CANCELLED')),
    hide_name       boolean     not null default false,
    queue_number    bigint      generated always as identity,
    registered_at   timestamptz not null,
    promoted_at     timestamptz,
    cancelled_at    timestamptz
);
create unique index meeting_registration_active on meeting_registration (meeting_id, account_id)
    where status <> 'CANCELLED';
create index meeting_registration_queue on meeting_registration (meeting_id, status, queue_number);

-- The speakers list: requests to take the floor, ordered by the chair (position), then marked as spoken.
create table meeting_speaker (
    id              text        primary key,
    meeting_id      text        not null references meeting (id),
    account_id      text        not null,
    organization_id text,
    status          text        not null check (status in ('REQUESTED', 'SPOKE', 'REMOVED')),
    position        integer     not null,
    requested_at    timestamptz not null,
    spoke_at        timestamptz,
    removed_at      timestamptz
);
create unique index meeting_speaker_open on meeting_speaker (meeting_id, account_id) where status = 'REQUESTED';
create index meeting_speaker_meeting on meeting_speaker (meeting_id, status, position);
