import { describe, expect, it } from 'vitest';
import { SharedHandles } from './shared-handles.ts';

function fakeEngine() {
  const opened: string[] = [];
  const closed: string[] = [];
  let failNext = false;
  const handles = new SharedHandles<{ key: string }>(
    async (key) => {
      if (failNext) {
        failNext = false;
        throw new Error('locked');
      }
      opened.push(key);
      return { key };
    },
    async (handle) => {
      closed.push(handle.key);
    },
    (key) => key === 'memory',
  );
  return { handles, opened, closed, failOnce: () => (failNext = true) };
}

describe('SharedHandles', () => {
  it('opens a file once, shares it, and closes it on the last release', async () => {
    const { handles, opened, closed } = fakeEngine();
    const [a, b] = await Promise.all([handles.acquire('/f'), handles.acquire('/f')]);
    expect(a).toBe(b);
    await handles.release('/f');
    expect(closed).toEqual([]);
    await handles.release('/f');
    expect(closed).toEqual(['/f']);
    await handles.acquire('/f');
    expect(opened).toEqual(['/f', '/f']);
  });

  it('keeps an in-memory handle for the process', async () => {
    const { handles, opened, closed } = fakeEngine();
    const first = await handles.acquire('memory');
    await handles.release('memory');
    expect(await handles.acquire('memory')).toBe(first);
    expect(opened).toEqual(['memory']);
    expect(closed).toEqual([]);
  });

  it('retries an open that failed', async () => {
    const { handles, failOnce } = fakeEngine();
    failOnce();
    await expect(handles.acquire('/f')).rejects.toThrow('locked');
    await expect(handles.acquire('/f')).resolves.toEqual({ key: '/f' });
  });
});
