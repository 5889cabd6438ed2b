-- Nobody becomes a member of an organisation without agreeing: adding someone by email invites
-- them, and they appear (publicly) only once they accept. Pending invitations are seen by the
-- invitee alone; the answer to the inviter is the same whether or not the address has an account.
create table stakeholder_invitation (
    organization_id text        not null references stakeholder_organization (id),
    account_id      text        not null,
    role            text        not null,
    invited_by      text        not null,
    invited_at      timestamptz not null,
    primary key (organization_id, account_id)
);
create index stakeholder_invitation_account on stakeholder_invitation (account_id);
