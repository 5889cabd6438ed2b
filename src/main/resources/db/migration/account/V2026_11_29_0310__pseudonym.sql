-- The name a person shows publicly instead of their display name, if they choose one; unique
-- whatever its case. The display name index serves the check that a pseudonym is no one's name.
alter table account_person add column pseudonym text;
create unique index account_person_pseudonym on account_person (lower(pseudonym));
create index account_person_display_name on account_person (lower(display_name));
