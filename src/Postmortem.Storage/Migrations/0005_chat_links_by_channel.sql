-- Commands typed in a postmortem's Five Whys thread find their postmortem by (kind, channel); without this
-- index every such lookup scanned all chat links.
CREATE INDEX ix_chat_links_kind_channel ON chat_links (kind, channel_id);
