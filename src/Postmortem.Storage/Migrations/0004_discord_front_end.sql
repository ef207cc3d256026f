-- The Discord front end (issue 4): per-guild settings and the chat messages that stand for a postmortem.

-- Guilds without a row use the defaults (UTC, anyone may start, threads, the default template).
CREATE TABLE guild_settings (
    guild_id            TEXT PRIMARY KEY,
    time_zone           TEXT NOT NULL,
    starter_role_id     TEXT,
    reminder_channel_id TEXT,
    forum_channel_id    TEXT,
    template_id         TEXT,
    updated_at          TEXT NOT NULL
) STRICT;

-- Messages the bot keeps up to date for a postmortem, by kind ('dashboard', ...): one of each kind.
CREATE TABLE chat_links (
    postmortem_id INTEGER NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL,
    channel_id    TEXT    NOT NULL,
    message_id    TEXT    NOT NULL,
    PRIMARY KEY (postmortem_id, kind)
) STRICT, WITHOUT ROWID;
