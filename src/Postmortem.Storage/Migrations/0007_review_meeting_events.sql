-- A review meeting series can have a calendar event in the chat (Discord's guild scheduled event) whose
-- description carries the agenda; the bot keeps its id to update it and to cancel it when the postmortem is final.
ALTER TABLE review_meetings ADD COLUMN scheduled_event_id TEXT NULL;
