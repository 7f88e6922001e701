import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 80, write: (text: string) => chunks.push(text) > 0 } };
}

describe('progress', () => {
  it('writes plain lines at each quarter when not on a terminal', () => {
    const { chunks, stream } = sink(false);
    const progress = createProgress({ stream });
    for (let done = 0; done <= 100; done += 5) progress.update({ stage: 'sales', done, total: 100 });
    progress.update({ stage: 'ledger', done: 1, total: 1 });
    progress.finish();
    expect(chunks).toEqual([
      'sales: 0% (0/100)\n',
      'sales: 25% (25/100)\n',
      'sales: 50% (50/100)\n',
      'sales: 75% (75/100)\n',
      'sales: 100% (100/100)\n',
      'ledger: 100% (1/1)\n',
    ]);
  });

  it('redraws one bar line on a terminal and ends it with a newline', () => {
    const { chunks, stream } = sink(true);
    const progress = createProgress({ stream });
    progress.update({ stage: 'sales', done: 500, total: 1000 });
    progress.update({ stage: 'sales', done: 500, total: 1000 });
    progress.finish();
    expect(chunks).toHaveLength(2);
    expect(chunks[0]).toBe(`\r\u001b[2K${'█'.repeat(12)}${'░'.repeat(12)}  50%  sales 500/1,000`);
    expect(chunks[1]).toBe('\n');
  });
});
