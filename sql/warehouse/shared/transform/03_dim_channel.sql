-- dw.dim_channel from erp.channels.
INSERT INTO dw.{{target}} (channel_key, channel_code, channel_name)
SELECT channel_id, channel_code, channel_name FROM erp.channels;
