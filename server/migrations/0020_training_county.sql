-- A training environment (jkda training): its own data folder holding a demo county marked as training,
-- so every page says so and nobody takes it for the county's real records.
ALTER TABLE deployment_county ADD COLUMN is_training boolean NOT NULL DEFAULT false;
