-- dw.dim_region from erp.regions, plus the "none" member 0 that head office's store row uses.
INSERT INTO dw.{{target}} (region_key, region_code, region_name)
SELECT region_id, region_code, region_name FROM erp.regions
UNION ALL
SELECT 0, '-', '(none)';
