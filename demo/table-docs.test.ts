import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoTables } from './erp-tables.ts';
import { DOCS_PATH, erDiagram, refreshedDocs } from './table-docs.ts';

describe('docs/demo-data.md', () => {
  it('holds the current table reference and ER diagrams (run `npx tsx demo/table-docs.ts` to refresh)', async () => {
    const docs = await readFile(DOCS_PATH, 'utf8');
    expect(refreshedDocs(docs)).toBe(docs);
    for (const t of demoTables) expect(docs).toContain(`\`${t.folder}/${t.name}.csv\``);
  });

  it('draws every foreign key', () => {
    expect(erDiagram('erp')).toContain('stores ||--o{ sales_orders : "store_id"');
    expect(erDiagram('erp')).toContain('customers |o--o{ sales_orders : "customer_id"');
    expect(erDiagram('ledger')).toContain('journal_entries ||--o{ journal_lines : "journal_entry_id"');
  });
});
