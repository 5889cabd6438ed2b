-- Items hidden now, with the notice shown in their place. The content itself is never changed or
-- deleted; showing an item again removes its row here (the moderation log keeps every action).
create table moderation_hidden (
    kind      text        not null,
    item_id   text        not null,
    rule_title text       not null,
    reason    text        not null,
    hidden_at timestamptz not null,
    primary key (kind, item_id)
);
