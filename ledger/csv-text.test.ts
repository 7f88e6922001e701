import { describe, expect, it } from 'vitest';
import { csvText } from './csv-text.ts';

describe('csvText', () => {
  it('quotes as RFC 4180 and defuses spreadsheet formulas in text', () => {
    expect(
      csvText(
        ['name', 'amount'],
        [
          ['Saphir, Paris', 120],
          ['said "hi"', -5],
          ['=HYPERLINK("x")', null],
          ['+1 (555)', 0],
        ],
      ),
    ).toBe(
      'name,amount\r\n"Saphir, Paris",120\r\n"said ""hi""",-5\r\n"\'=HYPERLINK(""x"")",\r\n\'+1 (555),0\r\n',
    );
  });
});
