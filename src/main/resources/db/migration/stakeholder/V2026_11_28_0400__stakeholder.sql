create table stakeholder_organization (
    id                text        primary key,
    name              text        not null,
    stakeholder_group text        not null,
    country           char(2)     not null,
    created_by        text        not null,
    created_at        timestamptz not null
);
create unique index stakeholder_organization_name on stakeholder_organization (lower(name), country);

create table stakeholder_membership (
    organization_id text        not null references stakeholder_organization (id),
    account_id      text        not null,
    role            text        not null,
    created_at      timestamptz not null,
    primary key (organization_id, account_id)
);
create index stakeholder_membership_account on stakeholder_membership (account_id);
