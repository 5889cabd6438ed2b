-- How many times the comments of a consultation changed, so that a page built from them can tell
-- whether it is still current with one indexed read (the sum of a consultation's rows). Spread over
-- a few rows per consultation so that concurrent comments do not queue for one row lock.
create table contribution_comment_change (
    consultation_id text    not null,
    shard           integer not null,
    changes         bigint  not null,
    primary key (consultation_id, shard)
);
