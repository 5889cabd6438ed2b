-- Attachments of mails kept in the dev mailbox (e.g. the .ics of a meeting registration).
create table notification_dev_mail_attachment (
    mail_id      text    not null references notification_dev_mail (id) on delete cascade,
    number       integer not null,
    filename     text    not null,
    content_type text    not null,
    content      bytea   not null,
    primary key (mail_id, number)
);
