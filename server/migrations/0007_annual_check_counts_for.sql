-- Registers ask more of the annual check than its form (the elderly check's required items; a diabetic's
-- dorsalis pedis pulse): each annual check record keeps the registers it counts for. NULL (records made
-- before this change, and bulk-loaded history) counts for every register, as it did.
ALTER TABLE service_record ADD COLUMN counts_for text[];
