-- Tables of the file loaders (glue/accountants, glue/uploads): the rejects, the per-file
-- completion markers and the accountants' bank statement lines. Safe to rerun.
-- The same tables as redshift/file-loads.sql, without distribution, sort keys or encodings.
CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS dw;

-- One row per rejected value, modelled on Redshift's SYS_LOAD_ERROR_DETAIL: which file and line,
-- which column and what was in it, the whole raw line, and why (error_code is a stable reason
-- such as 'missing date'; error_message says it for a person). A file's rejects are replaced
-- with its rows, so this holds the rejects of every file as last loaded.
CREATE TABLE IF NOT EXISTS meta.load_rejects (
  loader VARCHAR(40) NOT NULL,
  file_name VARCHAR(400) NOT NULL,
  content_hash VARCHAR(64) NOT NULL,
  target_table VARCHAR(260) NOT NULL,
  line_number INTEGER NOT NULL,
  column_name VARCHAR(128),
  column_type VARCHAR(40),
  raw_field_value VARCHAR(1024),
  raw_line VARCHAR(4000),
  error_code VARCHAR(60) NOT NULL,
  error_message VARCHAR(1024) NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);

-- loader: 'accountants' or 'uploads', which loader wrote the row; each replaces only its own.
-- The completion marker of each file load, written in the same transaction as its rows: a
-- file whose name and content hash are here is fully in, and loading it again is a no-op.
CREATE TABLE IF NOT EXISTS meta.loaded_files (
  loader VARCHAR(40) NOT NULL,
  file_name VARCHAR(400) NOT NULL,
  content_hash VARCHAR(64) NOT NULL,
  target_table VARCHAR(260) NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);

-- Bank statement lines from the accountants' files: one row per real movement (opening and
-- closing balance rows are checks, not movements). amount: deposits positive, withdrawals negative.
CREATE TABLE IF NOT EXISTS dw.fact_bank_transaction (
  transaction_date DATE NOT NULL,
  date_key INTEGER NOT NULL,
  description VARCHAR(800) NOT NULL,
  reference VARCHAR(160),
  amount DECIMAL(14,2) NOT NULL,
  balance DECIMAL(14,2),
  source_file VARCHAR(400) NOT NULL,
  line_number INTEGER NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);
