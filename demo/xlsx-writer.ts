/**
 * Writes a one-sheet .xlsx from rows of cells: the minimal OOXML parts (content types, rels,
 * workbook, styles, one sheet with inline strings) zipped by fflate with a fixed timestamp on
 * every entry, so the same rows always give the same bytes.
 */
import { strToU8, zipSync } from 'fflate';

/** A date cell holds a day number (days since 1970-01-01) and shows as m/d/yyyy. */
export type XlsxCell = string | number | null | { date: number } | { money: number } | { bold: string };

// Local-time components on purpose: fflate writes DOS times from local fields, so this is
// 2000-01-01 00:00 in every time zone.
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
const EXCEL_EPOCH_OFFSET = 25_569; // 1970-01-01 as an Excel serial day

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

// Style indexes used below: 0 plain, 1 date, 2 money, 3 bold.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0.00"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, cell: XlsxCell): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string')
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if ('date' in cell) return `<c r="${ref}" s="1"><v>${cell.date + EXCEL_EPOCH_OFFSET}</v></c>`;
  if ('money' in cell) return `<c r="${ref}" s="2"><v>${cell.money}</v></c>`;
  return `<c r="${ref}" s="3" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.bold)}</t></is></c>`;
}

function sheetXml(rows: readonly (readonly XlsxCell[])[], columnWidths: readonly number[]): string {
  const cols = columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const body = rows
    .map((cells, r) => {
      const xml = cells.map((cell, c) => cellXml(`${columnName(c)}${r + 1}`, cell)).join('');
      return xml === '' ? '' : `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${body}</sheetData></worksheet>`;
}

/** The bytes of a workbook with one sheet named `sheetName`. */
export function xlsxBytes(
  sheetName: string,
  rows: readonly (readonly XlsxCell[])[],
  columnWidths: readonly number[] = [],
): Uint8Array {
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const entry = (xml: string): [Uint8Array, { mtime: Date }] => [strToU8(xml), { mtime: FIXED_MTIME }];
  return zipSync(
    {
      '[Content_Types].xml': entry(CONTENT_TYPES),
      '_rels/.rels': entry(ROOT_RELS),
      'xl/workbook.xml': entry(workbook),
      'xl/_rels/workbook.xml.rels': entry(WORKBOOK_RELS),
      'xl/styles.xml': entry(STYLES),
      'xl/worksheets/sheet1.xml': entry(sheetXml(rows, columnWidths)),
    },
    { level: 6, mtime: FIXED_MTIME },
  );
}
