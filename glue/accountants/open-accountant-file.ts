/**
 * Reads one accountants' file whatever its state: its contents, or, for a file that cannot be
 * read as an expense report or a bank statement at all, the one reject that says why (line 0:
 * the whole file). A bad file is a reject like a bad row, never an exception that stops a run.
 */
import { messageOf } from '../../core/coded-error.ts';
import { type LoadReject, lineReject } from '../file-loads/load-reject.ts';
import { readSheetRows, sheetFormatOf } from '../file-loads/sheet-rows.ts';
import { type AccountantFileContents, readAccountantFile } from './read-accountant-file.ts';

export async function openAccountantFile(path: string): Promise<AccountantFileContents | LoadReject> {
  const format = sheetFormatOf(path);
  if (!format) return lineReject(0, '', 'unrecognised layout', 'not a .csv or .xlsx file');
  const unreadable: LoadReject[] = [];
  try {
    const contents = await readAccountantFile(
      readSheetRows(path, format, {
        onUnreadable: (line) =>
          unreadable.push(lineReject(line.line, line.raw, 'unreadable line', line.message)),
      }),
    );
    if (!contents.layout) {
      return lineReject(
        0,
        '',
        'unrecognised layout',
        'no header row with the columns of an expense report (Date, Vendor, Category, Amount) or a bank statement (Date, Description, Withdrawals, Deposits)',
      );
    }
    contents.rejects.push(...unreadable);
    return contents;
  } catch (error) {
    return lineReject(0, '', 'unreadable file', messageOf(error));
  }
}
