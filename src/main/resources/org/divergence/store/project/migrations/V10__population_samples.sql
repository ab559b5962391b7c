-- Divergence Workbench project schema, version 10: populations and the samples drawn from them (issue 21).

-- A population snapshot's date (its downloads are the 30 days before it), and how the file was read (e.g. which
-- definition of derivatives a Hub snapshot's rows use), recorded with the batch for the report's provenance.
ALTER TABLE import_batch ADD COLUMN as_of TEXT;
ALTER TABLE import_batch ADD COLUMN note TEXT;
