import { describe, expect, it } from 'vitest';
import { TOOLS } from './openai-test-kit.ts';
import { ToolCallAssembler } from './tool-call-assembler.ts';

describe('ToolCallAssembler', () => {
  it('joins a name split over deltas, keeps a repeated name once, and orders calls by index', () => {
    const assembler = new ToolCallAssembler();
    assembler.add({ index: 1, id: 'call_b', function: { name: 'data_', arguments: '' } });
    assembler.add({ index: 0, id: 'call_a', function: { name: 'query_metrics', arguments: '{"metrics":' } });
    assembler.add({ index: 1, function: { name: 'freshness', arguments: '{}' } });
    assembler.add({
      index: 0,
      function: { name: 'query_metrics', arguments: '[],"dimensions":[],"limit":1}' },
    });
    const calls = assembler.complete(TOOLS);
    expect(calls.map((c) => [c.id, c.name, c.arguments, c.error])).toEqual([
      ['call_a', 'query_metrics', { metrics: [], dimensions: [], limit: 1 }, undefined],
      ['call_b', 'data_freshness', {}, undefined],
    ]);
  });

  it('gives a call without an id one from its index, and empty arguments count as {}', () => {
    const assembler = new ToolCallAssembler();
    assembler.add({ index: 3, function: { name: 'data_freshness' } });
    expect(assembler.complete(TOOLS)[0]).toMatchObject({ id: 'call_3', arguments: {}, error: undefined });
  });

  it('refuses arguments that are JSON but not an object', () => {
    const assembler = new ToolCallAssembler();
    assembler.add({ index: 0, id: 'c', function: { name: 'data_freshness', arguments: '[1,2]' } });
    expect(assembler.complete(TOOLS)[0]?.error).toBe(
      'The arguments for data_freshness must be a JSON object.',
    );
  });
});
