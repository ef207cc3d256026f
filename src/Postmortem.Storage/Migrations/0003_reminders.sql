-- Reminders (issue 5). SQLite holds the truth; Quartz only keeps in-memory triggers rebuilt from it at startup.
-- Instants are ISO-8601 UTC text like everywhere else, so text order is time order.

-- Per-guild reminder rules; guilds without a row use the configured defaults. The guild's time zone and
-- reminder channel are not here: they are the guild's general settings (guild_settings, /postmortem config).
CREATE TABLE reminder_settings (
    guild_id            TEXT    PRIMARY KEY,
    local_time          TEXT    NOT NULL,          -- 'HH:mm'
    days_before         TEXT    NOT NULL,          -- '7,1,0'
    overdue_every_days  INTEGER NOT NULL,
    stale_after_days    INTEGER NOT NULL,
    digest_day          INTEGER NOT NULL,          -- 0 = Sunday ... 6 = Saturday
    digest_time         TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
) STRICT;

-- One row per open action item with an owner and a due date. next_at is the next slot to deliver (NULL when
-- none is left); since is when the current owner/due date began (slots at or before it are never sent).
CREATE TABLE reminder_schedule (
    postmortem_id  INTEGER NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    item_id        INTEGER NOT NULL,
    guild_id       TEXT    NOT NULL,
    owner_id       TEXT    NOT NULL,
    due            TEXT    NOT NULL,
    since          TEXT    NOT NULL,
    next_at        TEXT,
    last_slot_sent TEXT,
    snoozed_until  TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT,
    PRIMARY KEY (postmortem_id, item_id)
) STRICT, WITHOUT ROWID;

-- The due scan: keyset pages over (next_at, postmortem_id, item_id); the earliest row sets the Quartz trigger.
CREATE INDEX ix_reminder_schedule_next_at ON reminder_schedule (next_at, postmortem_id, item_id)
    WHERE next_at IS NOT NULL;

CREATE INDEX ix_reminder_schedule_guild ON reminder_schedule (guild_id);

-- Every delivered (or permanently failed) slot. The UNIQUE key is what makes a slot go out at most once per
-- recorded delivery: recording and advancing next_at happen in one transaction.
CREATE TABLE reminder_deliveries (
    postmortem_id INTEGER NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    item_id       INTEGER NOT NULL,
    slot          TEXT    NOT NULL,
    sent_at       TEXT    NOT NULL,
    channel       TEXT    NOT NULL CHECK (channel IN ('dm', 'thread', 'failed')),
    channel_id    TEXT,
    message_id    TEXT,
    error         TEXT,
    UNIQUE (postmortem_id, item_id, slot)
) STRICT;

-- Action items whose schedule must be recomputed. The triggers below fill it in the same transaction that
-- rewrites the action_items projection, so no save is ever missed and the repository needs no hook; the
-- reminder sync drains it.
CREATE TABLE reminder_dirty (
    postmortem_id INTEGER NOT NULL,
    item_id       INTEGER NOT NULL,
    PRIMARY KEY (postmortem_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER trg_action_items_reminders_insert AFTER INSERT ON action_items
BEGIN
    INSERT OR IGNORE INTO reminder_dirty (postmortem_id, item_id) VALUES (new.postmortem_id, new.item_id);
END;

CREATE TRIGGER trg_action_items_reminders_update AFTER UPDATE OF owner_id, due, status ON action_items
    WHEN old.owner_id IS NOT new.owner_id OR old.due IS NOT new.due OR old.status IS NOT new.status
BEGIN
    INSERT OR IGNORE INTO reminder_dirty (postmortem_id, item_id) VALUES (new.postmortem_id, new.item_id);
END;

CREATE TRIGGER trg_action_items_reminders_delete AFTER DELETE ON action_items
BEGIN
    INSERT OR IGNORE INTO reminder_dirty (postmortem_id, item_id) VALUES (old.postmortem_id, old.item_id);
END;

-- Items that existed before this migration.
INSERT OR IGNORE INTO reminder_dirty (postmortem_id, item_id)
    SELECT postmortem_id, item_id FROM action_items
    WHERE status = 'Open' AND owner_id IS NOT NULL AND due IS NOT NULL;

-- DM channel ids, so a reminder costs one request (create message) instead of two.
CREATE TABLE dm_channels (
    user_id    TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- Weekly review meetings of a postmortem, in the guild's time zone, until the postmortem is final.
CREATE TABLE review_meetings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    postmortem_id INTEGER NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    guild_id      TEXT    NOT NULL,
    day_of_week   INTEGER NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    local_time    TEXT    NOT NULL,
    lead_minutes  INTEGER NOT NULL CHECK (lead_minutes >= 0),
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    ended_at      TEXT
) STRICT;

CREATE INDEX ix_review_meetings_active ON review_meetings (postmortem_id) WHERE ended_at IS NULL;

-- Runs of the recurring (cron) reminders: weekly digests, meeting reminders, the stale sweep. One row per
-- job and slot, so a restart neither repeats nor (with the startup catch-up) skips a run.
CREATE TABLE scheduled_runs (
    job_key TEXT NOT NULL,
    slot    TEXT NOT NULL,
    ran_at  TEXT NOT NULL,
    PRIMARY KEY (job_key, slot)
) STRICT, WITHOUT ROWID;

-- One nudge per stale draft per period of inactivity (activity_at = the draft's updated_at when nudged).
CREATE TABLE stale_nudges (
    postmortem_id INTEGER NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    activity_at   TEXT    NOT NULL,
    sent_at       TEXT    NOT NULL,
    PRIMARY KEY (postmortem_id, activity_at)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_postmortems_draft_updated ON postmortems (updated_at) WHERE status = 'Draft';
