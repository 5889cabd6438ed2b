-- The public accreditation log of each process: requests and the append-only steps taken on them.
create table accreditation_request (
    id              text        primary key,
    process_id      text        not null,
    organization_id text        not null,
    requested_by    text        not null,
    requested_at    timestamptz not null
);
create index accreditation_request_process on accreditation_request (process_id, requested_at desc);
create index accreditation_request_organization on accreditation_request (organization_id, process_id);

-- Every step: REQUESTED (text: the statement), OBJECTED (text: the reason, null when none was given),
-- OBJECTION_WITHDRAWN (objection_id: the OBJECTED step), DECIDED (decision, text: the reason).
-- organization_id is the organisation acting (null for the secretariat's decisions).
create table accreditation_entry (
    seq             bigint      generated always as identity primary key,
    id              text        not null unique,
    request_id      text        not null references accreditation_request (id),
    kind            text        not null check (kind in ('REQUESTED', 'OBJECTED', 'OBJECTION_WITHDRAWN', 'DECIDED')),
    organization_id text,
    account_id      text        not null,
    at              timestamptz not null,
    text            text,
    decision        text check (decision in ('ACCREDITED', 'NOT_ACCREDITED')),
    objection_id    text references accreditation_entry (id),
    check ((kind = 'DECIDED') = (decision is not null)),
    check ((kind = 'OBJECTION_WITHDRAWN') = (objection_id is not null))
);
create index accreditation_entry_request on accreditation_entry (request_id, seq);
create unique index accreditation_entry_withdrawn_once on accreditation_entry (objection_id);

-- The log is append-only: steps are never changed nor deleted.
create function accreditation_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the accreditation log is append-only';
end;
$$;
create trigger accreditation_entry_append_only before update or delete on accreditation_entry
    for each row execute function accreditation_append_only();
create trigger accreditation_request_append_only before update or delete on accreditation_request
    for each row execute function accreditation_append_only();

-- Where each request stands: the latest decision, else OBJECTED while an objection stands, else REQUESTED.
create view accreditation_request_state as
select r.id, r.process_id, r.organization_id, r.requested_by, r.requested_at,
       coalesce((select d.decision from accreditation_entry d
                 where d.request_id = r.id and d.kind = 'DECIDED' order by d.seq desc limit 1),
                case when exists (select 1 from accreditation_entry o
                                  where o.request_id = r.id and o.kind = 'OBJECTED'
                                    and not exists (select 1 from accreditation_entry w where w.objection_id = o.id))
                     then 'OBJECTED' else 'REQUESTED' end) as state
from accreditation_request r;
