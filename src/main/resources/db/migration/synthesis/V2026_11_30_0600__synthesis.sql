-- Durable synthesis jobs: claimed by any node with "for update skip locked"; a RUNNING job whose
-- heartbeat is old (its node died) is queued again.
create table synthesis_job (
    id              text        primary key,
    consultation_id text        not null,
    kind            text        not null,
    state           text        not null,
    progress        integer     not null default 0,
    message         text,
    inputs          integer,
    requested_by    text,
    node            text,
    attempts        integer     not null default 0,
    created_at      timestamptz not null,
    not_before      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz
);
create index synthesis_job_queued on synthesis_job (not_before) where state = 'QUEUED';
create index synthesis_job_running on synthesis_job (heartbeat_at) where state = 'RUNNING';
create index synthesis_job_consultation on synthesis_job (consultation_id, created_at desc);

-- MinHash signatures per input, so that a re-run hashes only new or changed inputs.
create table synthesis_signature (
    consultation_id text   not null,
    input_key       text   not null,
    text_hash       bigint not null,
    signature       bytea  not null,
    primary key (consultation_id, input_key)
);

-- The latest digest of a consultation (JSON of org.polylogue.synthesis.Digest) and whether inputs
-- arrived since.
create table synthesis_digest (
    consultation_id text        primary key,
    computed_at     timestamptz not null,
    inputs          integer     not null,
    body            text        not null,
    stale           boolean     not null default false
);

-- Every input of the latest digest with its theme and campaign, for the pages listing sources.
create table synthesis_member (
    consultation_id   text not null,
    input_kind        text not null,
    input_id          text not null,
    theme_id          text,
    campaign_id       text,
    snippet           text not null,
    organization_name text,
    at                timestamptz,
    primary key (consultation_id, input_kind, input_id)
);
create index synthesis_member_theme on synthesis_member (consultation_id, theme_id, at);
create index synthesis_member_campaign on synthesis_member (consultation_id, campaign_id, at) where campaign_id is not null;

-- Stances known from other modules' events (statement signatures today), by paragraph.
create table synthesis_stance (
    consultation_id text        not null,
    paragraph_id    text        not null,
    organization_id text        not null,
    source          text        not null,
    stance          text        not null,
    at              timestamptz not null,
    primary key (consultation_id, paragraph_id, organization_id, source)
);
