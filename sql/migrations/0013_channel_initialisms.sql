-- Channels whose code is an initialism were labelled like words ("Pos"). New warehouses label
-- them in capitals (etl/transform/dimensions.ts); this relabels the ones already loaded, and only
-- where the label is still the one the import derived, never one a person may have edited.
UPDATE dim_channel
SET label = upper(channel_code)
WHERE lower(channel_code) IN ('pos', 'b2b', 'b2c', 'sms', 'api', 'tv')
  AND label = upper(substr(channel_code, 1, 1)) || replace(substr(channel_code, 2), '_', ' ');
