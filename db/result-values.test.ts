import { describe, expect, it } from 'vitest';
import { isoTimestamp, valueFromText } from './result-values.ts';

describe('isoTimestamp', () => {
  it.each([
    ['2024-03-05 14:30:00', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05 14:30:00.123456', '2024-03-05T14:30:00.123Z'],
    ['2024-03-05 14:30:00.5', '2024-03-05T14:30:00.500Z'],
    ['2024-03-05 14:30:00+00', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05 16:30:00+02', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05 20:00:00+05:30', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05T14:30:00Z', '2024-03-05T14:30:00.000Z'],
    ['infinity', 'infinity'],
  ])('%s → %s', (text, iso) => {
    expect(isoTimestamp(text)).toBe(iso);
  });
});

describe('valueFromText', () => {
  it('reads each kind', () => {
    expect(valueFromText('number', '12.50')).toBe(12.5);
    expect(valueFromText('boolean', 't')).toBe(true);
    expect(valueFromText('boolean', 'false')).toBe(false);
    expect(valueFromText('date', '2024-03-05')).toBe('2024-03-05');
    expect(valueFromText('text', '{"a":1}')).toBe('{"a":1}');
  });
});
