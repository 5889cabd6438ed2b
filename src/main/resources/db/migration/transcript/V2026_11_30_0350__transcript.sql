-- One transcript per meeting; re-importing replaces it (and its turns and questions) in one transaction.
create table transcript (
    id           text        primary key,
    meeting_id   text        not null unique,
    scope_id     text        not null,
    title        text,
    status       text        not null,
    preamble     text        not null default '',
    original     text        not null,
    encoding     text        not null,
    imported_by  text        not null,
    imported_at  timestamptz not null
);

-- A turn: what one speaker said until the next ">>", as written and normalised for search.
create table transcript_turn (
    id               text    primary key,
    transcript_id    text    not null references transcript (id) on delete cascade,
    number           integer not null,
    speaker_label    text,
    speaker_key      text,
    introduced_as    text,
    line             integer not null,
    original_text    text    not null,
    normalized_text  text    not null,
    words            integer not null,
    unique (transcript_id, number)
);
create index transcript_turn_speaker on transcript_turn (transcript_id, speaker_key);

-- Questions from the audience that the moderator read out.
create table transcript_question (
    transcript_id  text    not null references transcript (id) on delete cascade,
    number         integer not null,
    turn_number    integer not null,
    asked_by       text    not null,
    online         boolean not null,
    text           text    not null,
    primary key (transcript_id, number)
);

-- Speaker labels linked to a person and/or an organisation, confirmed by the secretariat; one link per
-- label applies to every transcript of the process (scope_id is the process id, or the meeting id for a
-- meeting standing alone), so re-importing a transcript keeps them.
create table transcript_speaker_link (
    scope_id         text        not null,
    label_key        text        not null,
    label            text        not null,
    account_id       text,
    organization_id  text,
    confirmed_by     text        not null,
    confirmed_at     timestamptz not null,
    primary key (scope_id, label_key),
    check (account_id is not null or organization_id is not null)
);
create index transcript_scope on transcript (scope_id);
