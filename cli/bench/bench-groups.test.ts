import { describe, expect, it } from 'vitest';
import { BENCH_GROUPS, runBenchGroup } from './bench-groups.ts';

describe('benchmark groups', () => {
  it('names every group when asked for one that does not exist', async () => {
    await expect(runBenchGroup('nope', { home: '/tmp', asOf: '2026-11-20', scale: 1 })).rejects.toThrow(
      `There is no benchmark group "nope"; the groups are: ${BENCH_GROUPS.join(', ')}.`,
    );
  });
});
