-- Mails sent while no SMTP server is configured (development and demo only).
create table notification_dev_mail (
    id        text        primary key,
    recipient text        not null,
    subject   text        not null,
    body      text        not null,
    sent_at   timestamptz not null
);
create index notification_dev_mail_sent on notification_dev_mail (sent_at desc);
