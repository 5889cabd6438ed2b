-- A representative's claim of the organisation's mail domain: the link mailed to an address at the
-- domain holds a random token, stored here only as its SHA-256 hash; valid for 48 hours, used once.
create table stakeholder_domain_claim (
    token_hash      bytea       primary key,
    organization_id text        not null references stakeholder_organization (id),
    domain          text        not null,
    claimed_by      text        not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index stakeholder_domain_claim_organization on stakeholder_domain_claim (organization_id);

-- A confirmed mail domain belongs to one organisation only.
create table stakeholder_organization_domain (
    domain          text        primary key,
    organization_id text        not null references stakeholder_organization (id),
    verified_at     timestamptz not null
);
create index stakeholder_organization_domain_organization on stakeholder_organization_domain (organization_id);
