-- The reminder triggers queued changes with INSERT OR IGNORE, but SQLite lets the conflict clause of the
-- OUTER statement override the one inside a trigger: an outer INSERT OR REPLACE / UPSERT on action_items would
-- turn the trigger's IGNORE into a failure or a replace. An ON CONFLICT DO NOTHING clause is not overridden.
DROP TRIGGER trg_action_items_reminders_insert;
DROP TRIGGER trg_action_items_reminders_update;
DROP TRIGGER trg_action_items_reminders_delete;

CREATE TRIGGER trg_action_items_reminders_insert AFTER INSERT ON action_items
BEGIN
    INSERT INTO reminder_dirty (postmortem_id, item_id) VALUES (new.postmortem_id, new.item_id)
        ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER trg_action_items_reminders_update AFTER UPDATE OF owner_id, due, status ON action_items
    WHEN old.owner_id IS NOT new.owner_id OR old.due IS NOT new.due OR old.status IS NOT new.status
BEGIN
    INSERT INTO reminder_dirty (postmortem_id, item_id) VALUES (new.postmortem_id, new.item_id)
        ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER trg_action_items_reminders_delete AFTER DELETE ON action_items
BEGIN
    INSERT INTO reminder_dirty (postmortem_id, item_id) VALUES (old.postmortem_id, old.item_id)
        ON CONFLICT DO NOTHING;
END;
