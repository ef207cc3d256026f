-- A projection of each postmortem's visible action items, rewritten in the same transaction as the
-- postmortem row, for reminders: open items with an owner and a due date, items by owner, overdue items.
-- due is an ISO date ("2021-06-30"), so text order is date order.
CREATE TABLE action_items (
    postmortem_id INTEGER NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    item_id       INTEGER NOT NULL,
    guild_id      TEXT    NOT NULL,
    label         TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    owner_id      TEXT,
    owner_name    TEXT,
    due           TEXT,
    status        TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    PRIMARY KEY (postmortem_id, item_id)
) STRICT, WITHOUT ROWID;

-- Reminder scans: keyset pages over (due, postmortem_id, item_id).
CREATE INDEX ix_action_items_open_due ON action_items (due, postmortem_id, item_id)
    WHERE status = 'Open' AND owner_id IS NOT NULL AND due IS NOT NULL;

CREATE INDEX ix_action_items_owner ON action_items (guild_id, owner_id, due);

CREATE INDEX ix_action_items_overdue ON action_items (guild_id, due) WHERE status = 'Open' AND due IS NOT NULL;
