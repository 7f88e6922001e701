/**
 * The generated part of docs/demo-data.md: one reference table per CSV and a Mermaid ER diagram
 * per folder, made from the table descriptions so the docs cannot drift from the files.
 * Run `npx tsx demo/table-docs.ts` to rewrite the generated section in place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoTables, type TableSpec, tableFile } from './erp-tables.ts';

export const DOCS_PATH = fileURLToPath(new URL('../docs/demo-data.md', import.meta.url));
export const BEGIN = '<!-- generated from demo/erp-tables.ts: begin -->';
export const END = '<!-- generated from demo/erp-tables.ts: end -->';

const cell = (text: string): string => text.replaceAll('|', '\\|');

function tableReference(table: TableSpec): string {
  const rows = table.columns.map(
    (c) =>
      `| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : ''} | ${cell(c.description)}${c.references ? ` (-> \`${c.references}\`)` : ''} |`,
  );
  return [
    `#### \`${tableFile(table)}\``,
    '',
    `${table.description}. Key: ${table.primaryKey.map((k) => `\`${k}\``).join(', ')}.`,
    '',
    '| column | type | null | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function erDiagram(folder: TableSpec['folder']): string {
  const tables = demoTables.filter((t) => t.folder === folder);
  const lines = ['```mermaid', 'erDiagram'];
  for (const t of tables) {
    for (const c of t.columns) {
      if (!c.references) continue;
      const [target] = c.references.split('.');
      lines.push(`  ${target} ${c.nullable ? '|o' : '||'}--o{ ${t.name} : "${c.name}"`);
    }
  }
  for (const t of tables) {
    lines.push(`  ${t.name} {`);
    for (const c of t.columns) {
      const keys = [t.primaryKey.includes(c.name) ? 'PK' : '', c.references ? 'FK' : '']
        .filter(Boolean)
        .join(',');
      const type = c.type.replace(/\(.*$/, '');
      lines.push(`    ${type} ${c.name}${keys ? ` ${keys}` : ''}${c.nullable ? ' "nullable"' : ''}`);
    }
    lines.push('  }');
  }
  lines.push('```');
  return lines.join('\n');
}

export function generatedSection(): string {
  const part = (folder: TableSpec['folder']): string =>
    demoTables
      .filter((t) => t.folder === folder)
      .map(tableReference)
      .join('\n\n');
  return [
    BEGIN,
    '',
    '### ERP tables (`erp/`)',
    '',
    erDiagram('erp'),
    '',
    part('erp'),
    '',
    '### Ledger tables (`ledger/`)',
    '',
    erDiagram('ledger'),
    '',
    part('ledger'),
    '',
    END,
  ].join('\n');
}

/** The docs with the generated section replaced by the current one. */
export function refreshedDocs(current: string): string {
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOCS_PATH} has no generated section markers`);
  return current.slice(0, start) + generatedSection() + current.slice(end + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DOCS_PATH, refreshedDocs(readFileSync(DOCS_PATH, 'utf8')));
}
