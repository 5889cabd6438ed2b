-- Who holds a role in a process, appointed by whom and when. Roles are public.
alter table process_secretariat
    add column appointed_by text,
    add column appointed_at timestamptz not null default now();

create table process_moderator (
    process_id   text        not null references process_process (id),
    account_id   text        not null,
    appointed_by text        not null,
    appointed_at timestamptz not null,
    primary key (process_id, account_id)
);
create index process_moderator_account on process_moderator (account_id);
create index process_secretariat_account on process_secretariat (account_id);
