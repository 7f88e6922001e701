-- dw.dim_salesperson from erp.salespeople; member 0 is "no salesperson" (online orders).
INSERT INTO dw.{{target}} (salesperson_key, employee_code, full_name, store_key, job_title, hired_date, left_date)
SELECT salesperson_id, employee_code, full_name, store_id, role, hired_date, left_date FROM erp.salespeople
UNION ALL
SELECT 0, '-', '(no salesperson)', 0, '(none)', CAST(NULL AS DATE), CAST(NULL AS DATE);
