// The house rules about imports, checked on every file (DESIGN.md, README "Architecture"):
// - a module's code reaches another module only through its public entry (index.ts), and only a
//   module earlier in src/modules.ts (later ones are heard through the outbox);
// - a module's schema.ts may name an earlier module's tables for foreign keys, and nothing else may;
// - the platform knows no module; code outside the modules (app, command, demo, web) uses entries only;
// - tests and fixtures (*.test.ts, testing.ts) may reach any module's index.ts or testing.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { modules } from '../src/modules.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const ORDER = modules.map((m) => m.name);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'migrations' ? [] : files(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports of a file, as paths from src/ (static, type-only, re-exports and dynamic alike). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((f) => f.startsWith('.'))
    .map((f) => relative(SRC, resolve(dirname(file), f)));
}

const moduleOf = (path: string): string | null => /^modules\/([^/]+)\//.exec(path)?.[1] ?? null;
const isFixture = (path: string) => /\.test\.tsx?$/.test(path) || /(^|\/)testing\.ts$/.test(path);

/** Why one import breaks the rules, or null when it is allowed. Paths are relative to src/. */
function brokenRule(from: string, to: string): string | null {
  if (to.startsWith('..')) return null; // outside src (test helpers, the web app's contract)
  const own = moduleOf(from);
  const target = moduleOf(to);
  if (from.startsWith('platform/')) {
    return target || to === 'events.ts' || to === 'modules.ts' ? 'the platform knows no module' : null;
  }
  if (!target || target === own) return null;
  if (!ORDER.includes(target)) return `${target} is not in src/modules.ts`;
  const entry = to === `modules/${target}/index.ts`;
  if (isFixture(from)) {
    return entry || to === `modules/${target}/testing.ts` ? null : `tests use ${target}'s index.ts or testing.ts`;
  }
  const foreignKey = from === `modules/${own}/schema.ts` && to === `modules/${target}/schema.ts`;
  if (!entry && !foreignKey) return `only ${target}'s public entry (index.ts) may be imported`;
  if (own && ORDER.indexOf(target) > ORDER.indexOf(own)) {
    return `${target} comes after ${own} in src/modules.ts: listen to its events instead`;
  }
  return null;
}

function violations(): string[] {
  return files(SRC).flatMap((file) => {
    const from = relative(SRC, file);
    return importsOf(file).flatMap((to) => {
      const why = brokenRule(from, to);
      return why ? [`${from} -> ${to}: ${why}`] : [];
    });
  });
}

describe('module boundaries', () => {
  it('lists every module folder once, each with a public entry named after it', () => {
    const folders = readdirSync(join(SRC, 'modules')).filter((n) => statSync(join(SRC, 'modules', n)).isDirectory());
    expect([...ORDER].sort()).toEqual(folders.sort());
    for (const name of folders) expect(statSync(join(SRC, 'modules', name, 'index.ts')).isFile()).toBe(true);
  });

  it('holds for every import in src/', () => {
    expect(violations()).toEqual([]);
  });

  it('refuses internals, the wrong direction, and a platform that knows modules; allows entries and keys', () => {
    expect(brokenRule('modules/ledger/service.ts', 'modules/orders/schema.ts')).toMatch(/public entry/);
    expect(brokenRule('modules/orders/service.ts', 'modules/shipping/index.ts')).toMatch(/comes after orders/);
    expect(brokenRule('platform/outbox.ts', 'modules/orders/index.ts')).toMatch(/knows no module/);
    expect(brokenRule('app.ts', 'modules/orders/service.ts')).toMatch(/public entry/);
    expect(brokenRule('modules/ledger/service.ts', 'modules/orders/index.ts')).toBeNull();
    expect(brokenRule('modules/ledger/schema.ts', 'modules/sellers/schema.ts')).toBeNull();
    expect(brokenRule('modules/ledger/ledger.test.ts', 'modules/payments/testing.ts')).toBeNull();
  });
});
