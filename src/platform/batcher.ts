// Group commit for hot paths: requests that arrive while batches are running wait for the next
// one, which handles all of them in one transaction. Under load this turns thousands of tiny
// transactions a second into a few hundred large ones, while every answer still follows a durable
// commit. With no load a request goes straight through (a batch of one).
export interface Batcher<I, O> {
  submit(item: I): Promise<O>;
}

export function createBatcher<I, O>(opts: {
  maxSize: number;
  /** How many batches may run at once (overlapping one's commit with the next one's reads). */
  concurrency?: number;
  /** Runs one batch; must return one result per item, in order. */
  run: (items: I[]) => Promise<O[]>;
  /** When the whole batch fails, each item is retried alone so one bad item fails only itself. */
  runOne?: (item: I) => Promise<O>;
}): Batcher<I, O> {
  type Waiter = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  const limit = opts.concurrency ?? 1;
  let queue: Waiter[] = [];
  let running = 0;

  async function runBatch(batch: Waiter[]): Promise<void> {
    try {
      const results = await opts.run(batch.map((w) => w.item));
      for (const [i, w] of batch.entries()) w.resolve(results[i]);
    } catch (err) {
      if (!opts.runOne || batch.length === 1) {
        for (const w of batch) w.reject(err);
        return;
      }
      await Promise.all(batch.map((w) => opts.runOne!(w.item).then(w.resolve, w.reject)));
    }
  }

  function pump(): void {
    while (running < limit && queue.length) {
      const batch = queue.length <= opts.maxSize ? queue : queue.slice(0, opts.maxSize);
      queue = queue.length <= opts.maxSize ? [] : queue.slice(opts.maxSize);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        pump();
      });
    }
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
  };
}
