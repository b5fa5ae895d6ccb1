// Background work that runs on a timer: one shape for every module's jobs (the reservation sweeper,
// the sandboxes, the expiry of hub lots), so each says only what it does and how often.
import type { Job, ModuleContext } from './module.ts';

export interface PeriodicJob {
  name: string;
  scope?: Job['scope'];
  /** Milliseconds between runs. */
  every: (ctx: ModuleContext) => number;
  /** Milliseconds before the first run (default: `every`). */
  firstAfter?: (ctx: ModuleContext) => number;
  /** Whether the job runs at all here (a sandbox only runs when the platform uses it). */
  enabled?: (ctx: ModuleContext) => boolean;
  /** Does one round; returns how much it did. With `drain`, rounds repeat while they do something. */
  run: (ctx: ModuleContext) => Promise<number | undefined>;
  drain?: boolean;
  /** What to log at info level when a round did something. */
  report?: (n: number) => string;
}

export function periodic(job: PeriodicJob): Job {
  return {
    name: job.name,
    scope: job.scope,
    start(ctx) {
      if (job.enabled && !job.enabled(ctx)) return () => {};
      let stopped = false;
      let running = false;
      let timer: NodeJS.Timeout;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          let n: number | undefined;
          do {
            n = await job.run(ctx);
            if (n && job.report) ctx.log.info({ job: job.name, n }, job.report(n));
          } while (job.drain && n && !stopped);
        } catch (err) {
          ctx.log.error({ err, job: job.name }, `${job.name} failed`);
        } finally {
          running = false;
        }
        if (!stopped) timer = setTimeout(tick, job.every(ctx));
        timer?.unref?.();
      };
      timer = setTimeout(tick, (job.firstAfter ?? job.every)(ctx));
      timer.unref?.();
      return () => {
        stopped = true;
        clearTimeout(timer);
      };
    },
  };
}
