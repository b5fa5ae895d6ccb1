// What the benchmarks share: a fresh PostgreSQL database, the server started in its own process
// exactly as `npm start` runs it (the bundled sources on plain Node), and its CPU and peak memory.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { fromPostgres, migrateDatabase, type Database } from '../src/platform/db.ts';

export async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

/** A new, migrated database on the server of `baseUrl` (default: the local PostgreSQL), dropped by `drop()`. */
export async function freshPostgres(
  prefix: string,
  baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
) {
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database: Database = fromPostgres(url.toString(), 4);
  await migrateDatabase(database);
  return {
    url: url.toString(),
    database,
    async drop() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  /** CPU seconds used so far by the server (and any processes it started). */
  cpuSeconds(): number;
  /** Peak resident memory in MB, sampled every 200 ms since start. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, build = true): Promise<RunningServer> {
  if (build) execFileSync('npm', ['run', '--silent', 'build:server'], { stdio: 'inherit' });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '--enable-source-maps',
      'dist/server/main.js',
      'start',
    ],
    {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 1200 || child.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const pids = (): number[] => {
    const list = [child.pid!];
    try {
      list.push(
        ...readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      /* gone */
    }
    return list;
  };
  const cpuOf = (pid: number) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return 0;
    }
  };
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const pid of pids()) {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(m[1]) / 1024));
      } catch {
        /* gone */
      }
    }
  };
  const timer = setInterval(sample, 200);
  return {
    origin,
    process: child,
    cpuSeconds: () => pids().reduce((s, p) => s + cpuOf(p), 0),
    peakRssMb: () => {
      sample();
      return [...peaks.values()].reduce((a, b) => a + b, 0);
    },
    async stop() {
      clearInterval(timer);
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};

/** A fresh, migrated database for a bench: PGlite in memory by default, PostgreSQL with ENGINE=postgres or DATABASE_URL. */
export async function freshBenchDatabase(
  prefix: string,
): Promise<{ database: Database; engine: string; drop: () => Promise<void> }> {
  if (process.env.ENGINE === 'postgres' || process.env.DATABASE_URL) {
    const fresh = await freshPostgres(prefix);
    return { database: fresh.database, engine: 'postgres', drop: fresh.drop };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { fromPglite, pgliteExtensions } = await import('../src/platform/db.ts');
  const database = fromPglite(new PGlite({ extensions: pgliteExtensions }));
  await migrateDatabase(database);
  return { database, engine: 'pglite', drop: () => database.close() };
}
