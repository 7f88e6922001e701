import { describe, expect, it } from 'vitest';
import { atMost } from './benchmark-row.ts';
import { type BenchmarkRun, sectionsOf, withRun } from './benchmarks-file.ts';

const run = (scale: number, value: number): BenchmarkRun => ({
  scale,
  asOf: '2026-11-20',
  date: '2026-11-24',
  machine: '2 × test CPU',
  rows: [{ name: 'answer p95', value: `${value} ms`, target: 'under 250 ms', check: atMost(value, 250) }],
});

describe('BENCHMARKS.md sections', () => {
  it('writes a new file with the run as its only section', () => {
    const file = withRun(null, run(1, 52));
    expect(file).toMatch(/^# Benchmarks\n/);
    expect([...sectionsOf(file).keys()]).toEqual([1]);
    expect(file).toContain('| answer p95 | 52 ms | under 250 ms | met |');
  });

  it("replaces only its own scale's section and keeps the others in scale order", () => {
    const both = withRun(withRun(null, run(10, 300)), run(1, 52));
    expect([...sectionsOf(both).keys()]).toEqual([1, 10]);
    const again = withRun(both, run(1, 60));
    expect(again).toContain('| answer p95 | 60 ms | under 250 ms | met |');
    expect(again).not.toContain('| answer p95 | 52 ms');
    expect(again).toContain('| answer p95 | 300 ms | under 250 ms | missed |');
  });

  it('keeps a note written under a section by hand until that scale is run again', () => {
    const noted = `${withRun(null, run(10, 120))}\nA note on the scale-10 run.\n`;
    const kept = withRun(noted, run(1, 52));
    expect(kept).toContain('A note on the scale-10 run.');
    expect(withRun(kept, run(10, 130))).not.toContain('A note on the scale-10 run.');
  });
});
