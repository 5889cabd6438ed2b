-- How many inputs of each kind that carry only a stance (statement signatures, amendment supports,
-- position-ledger stances) the latest run read; texts are counted from synthesis_member.
create table synthesis_input_count (
    consultation_id text        not null,
    kind            text        not null,
    inputs          integer     not null,
    read_at         timestamptz not null,
    primary key (consultation_id, kind)
);
