-- Divergence Workbench project schema, version 7: a placeholder on the custom-metrics branch only.
-- Another branch's V7 takes this number when the branches are merged; this file is then deleted (it changes nothing).
SELECT 1;
