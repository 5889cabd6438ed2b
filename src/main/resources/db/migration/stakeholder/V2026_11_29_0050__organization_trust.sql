-- How an organisation's identity was verified (null: not verified) and its ECOSOC consultative status.
alter table stakeholder_organization
    add column verified_at         timestamptz,
    add column verification_method text check (verification_method in ('DOMAIN', 'ADMINISTRATOR')),
    add column verification_note   text,
    add column ecosoc_status       text check (ecosoc_status in ('GENERAL', 'SPECIAL', 'ROSTER'));
