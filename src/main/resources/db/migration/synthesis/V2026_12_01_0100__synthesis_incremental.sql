-- What an incremental synthesis run starts from (docs/adr/007-synthesis-campaigns-and-themes.md).
-- Per input: its LSH band keys (new inputs find their candidates by them without reading every
-- signature), its near-duplicate group (any size; null when the input was not in the last run),
-- and the campaign, theme and closeness the last digest gave it.
alter table synthesis_signature
    add column bands       bytea,
    add column group_key   text,
    add column campaign_id text,
    add column theme_id    text,
    add column closeness   real not null default 0;

-- The theme model of the last full analysis (vocabulary, IDF weights, centroids, theme ids and
-- labels; deflated) and the drift since: inputs and distinct voices added by incremental runs.
create table synthesis_model (
    consultation_id text        primary key,
    full_at         timestamptz not null,
    distinct_at_full integer    not null,
    new_inputs      integer     not null default 0,
    new_distinct    integer     not null default 0,
    model           bytea       not null
);
