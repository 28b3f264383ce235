DROP INDEX lab_indicators_copied_from_idx;
ALTER TABLE lab_indicators DROP COLUMN copied_from;
DROP TABLE adoptions;
DROP TABLE method_evidence;
DROP TABLE method_indicators;
DROP TABLE method_origin_ideas;
DROP TABLE method_origin_labs;
DROP TABLE methods;
