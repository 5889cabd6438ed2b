-- Texts the spam guard has already found posted by enough different accounts in a scope: later posts
-- of the same text are flagged at once, without counting their predecessors again (a campaign of
-- thousands of identical posts must cost the same per post as a single one).
create table moderation_campaign_text (
    scope      text        not null,
    hash       text        not null,
    flagged_at timestamptz not null,
    primary key (scope, hash)
);
