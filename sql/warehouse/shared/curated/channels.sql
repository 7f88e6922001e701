-- curated.channels: sales channels.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.channels;
CREATE VIEW curated.channels AS
SELECT
  channel_key,
  channel_code,
  channel_name
FROM dw.dim_channel;
