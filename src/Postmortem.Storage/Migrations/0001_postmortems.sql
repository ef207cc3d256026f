-- One row per postmortem. state_json is the engine's PostmortemState (PostmortemJsonContext); the other
-- columns are copies for lookups and lists. Instants are ISO-8601 UTC text with 7 fraction digits
-- ("2021-05-10T09:00:00.0000000Z"): fixed width, so text order is time order.
CREATE TABLE postmortems (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id     TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    thread_id    TEXT,
    title        TEXT    NOT NULL,
    -- Lower-cased title: SQLite's LIKE and lower() only fold ASCII, titles come in every language.
    title_folded TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    state_json   TEXT    NOT NULL
) STRICT;

CREATE INDEX ix_postmortems_guild_updated ON postmortems (guild_id, updated_at DESC, id DESC);

CREATE INDEX ix_postmortems_thread ON postmortems (thread_id) WHERE thread_id IS NOT NULL;
