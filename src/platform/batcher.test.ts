import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('group commit', () => {
  it('gathers the requests that arrive while a batch runs into the next batch, answering each in order', async () => {
    const sizes: number[] = [];
    const b = createBatcher<number, number>({
      maxSize: 100,
      run: async (xs) => {
        sizes.push(xs.length);
        await tick();
        return xs.map((x) => x * 2);
      },
    });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => b.submit(i)));
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(sizes[0]).toBe(1); // the first request does not wait for company
    expect(sizes.length).toBeLessThan(5);
  });

  it('never makes a batch larger than its limit', async () => {
    const sizes: number[] = [];
    const b = createBatcher<number, number>({
      maxSize: 7,
      run: async (xs) => {
        sizes.push(xs.length);
        await tick();
        return xs;
      },
    });
    await Promise.all(Array.from({ length: 40 }, (_, i) => b.submit(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
    expect(sizes.reduce((a, c) => a + c, 0)).toBe(40);
  });

  it('retries each item alone when a batch fails, so one bad item fails only itself', async () => {
    const b = createBatcher<number, number>({
      maxSize: 10,
      run: async (xs) => {
        await tick();
        if (xs.includes(3)) throw new Error('batch failed');
        return xs;
      },
      runOne: async (x) => {
        if (x === 3) throw new Error('three is bad');
        return x;
      },
    });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((x) => b.submit(x)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason.message).toBe('three is bad');
  });

  it('runs up to `concurrency` batches at once', async () => {
    let running = 0,
      peak = 0;
    const b = createBatcher<number, number>({
      maxSize: 2,
      concurrency: 3,
      run: async (xs) => {
        peak = Math.max(peak, ++running);
        await tick();
        running--;
        return xs;
      },
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => b.submit(i)));
    expect(peak).toBe(3);
  });
});
