-- Published rules: numbered per process (process_id null: platform rules, for content outside any
-- process). A rule is retired, never deleted or edited away: hidden items keep the rule they were
-- hidden under.
create table moderation_rule (
    id           text        primary key,
    process_id   text,
    number       int         not null,
    title        text        not null,
    description  text        not null,
    published_at timestamptz not null,
    published_by text        not null,
    retired_at   timestamptz,
    retired_by   text
);
create unique index moderation_rule_number on moderation_rule (coalesce(process_id, ''), number);

-- Reports by signed-in people. Reporters are never shown publicly.
create table moderation_report (
    id          text        primary key,
    kind        text        not null,
    item_id     text        not null,
    process_id  text,
    reporter_id text        not null,
    reason      text        not null,
    created_at  timestamptz not null,
    closed_at   timestamptz
);
create unique index moderation_report_open on moderation_report (kind, item_id, reporter_id) where closed_at is null;
create index moderation_report_queue on moderation_report (coalesce(process_id, '')) where closed_at is null;

-- Flags raised by the spam guard: for moderators to look at, never acted on automatically.
create table moderation_flag (
    id         text        primary key,
    kind       text        not null,
    item_id    text        not null,
    process_id text,
    reason     text        not null,
    created_at timestamptz not null,
    closed_at  timestamptz
);
create unique index moderation_flag_open on moderation_flag (kind, item_id) where closed_at is null;

-- One row per hiding, with the author's one review request and its outcome.
create table moderation_hiding (
    id                  text        primary key,
    kind                text        not null,
    item_id             text        not null,
    process_id          text,
    rule_id             text        not null references moderation_rule (id),
    reason              text        not null,
    hidden_by           text        not null,
    hidden_at           timestamptz not null,
    review_statement    text,
    review_requested_at timestamptz,
    review_decision     text,
    review_reason       text,
    reviewed_by         text,
    reviewed_at         timestamptz
);
create index moderation_hiding_item on moderation_hiding (kind, item_id, hidden_at desc);

-- The public moderation log: every action of moderators (and the author's review requests).
create table moderation_log (
    id         text        primary key,
    process_id text,
    kind       text        not null,
    item_id    text        not null,
    item_title text        not null,
    item_path  text        not null,
    action     text        not null,
    rule_id    text references moderation_rule (id),
    reason     text,
    actor_id   text,
    at         timestamptz not null
);
create index moderation_log_process on moderation_log (coalesce(process_id, ''), at desc);

-- Fingerprints of published texts, to notice identical posts by different accounts.
create table moderation_fingerprint (
    kind       text        not null,
    item_id    text        not null,
    process_id text,
    account_id text        not null,
    hash       text        not null,
    created_at timestamptz not null,
    primary key (kind, item_id)
);
create index moderation_fingerprint_hash on moderation_fingerprint (coalesce(process_id, ''), hash);
