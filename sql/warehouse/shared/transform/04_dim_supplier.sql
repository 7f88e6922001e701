-- dw.dim_supplier from erp.suppliers (the contact e-mail stays in the ERP).
INSERT INTO dw.{{target}} (supplier_key, supplier_name, country, lead_time_days, payment_terms_days)
SELECT supplier_id, supplier_name, country, lead_time_days, payment_terms_days FROM erp.suppliers;
