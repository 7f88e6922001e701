import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { freshnessOf } from './answer-provenance.ts';

describe('freshnessOf', () => {
  const clock = fixedClock(new Date('2026-06-30T12:00:00.000Z'));

  it("gives each source's age in hours at the answer's clock", () => {
    expect(
      freshnessOf([{ source: 'erp', lastLoadedAt: '2026-06-30T02:00:00.000Z', loads: 1 }], clock),
    ).toEqual([{ source: 'erp', lastLoadedAt: '2026-06-30T02:00:00.000Z', lagHours: 10 }]);
  });

  it('gives no age to a load after the clock (a pinned SHOEBOX_NOW), rather than a negative one', () => {
    expect(
      freshnessOf([{ source: 'erp', lastLoadedAt: '2026-07-03T00:00:00.000Z', loads: 1 }], clock),
    ).toEqual([{ source: 'erp', lastLoadedAt: '2026-07-03T00:00:00.000Z', lagHours: null }]);
  });
});
