// What the learner keeps on the device for offline use (localStorage): downloaded course packages,
// answers being given, answers and lesson completions waiting to be sent, and the server's results.
// Sending is idempotent: an attempt's answers go with its clientAttemptId as Idempotency-Key, so a
// resent sync is graded once; the server's result replaces whatever the device thought.
import type { Locale } from '../ssr-contract.ts';
import { ApiError, type Api } from '../app/api.ts';
import type { Answers, CourseData, QuizResult, StartedAttempt, Status } from './shapes.ts';

export interface CoursePackage {
  courseId: string;
  locale: Locale;
  builtAt: string;
  bytes: number;
  course: CourseData;
  status: Status;
  attempt: (StartedAttempt & { clientAttemptId: string }) | null;
  quizUnavailable: { code: string; detail: string } | null;
  pages: string[];
  assets: string[];
  keptBytes?: number;
}
export interface PendingSubmission {
  courseId: string;
  attemptId: string;
  clientAttemptId: string;
  answers: Answers;
}
export interface SyncedResult extends QuizResult {
  conflict: 'submitted_elsewhere' | 'already_passed' | null;
  conflictDetail: string | null;
}

const PREFIX = 'talad.academy.';
const storage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);
function read<T>(key: string): T | null {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
const write = (key: string, value: unknown) => storage()?.setItem(PREFIX + key, JSON.stringify(value));
const drop = (key: string) => storage()?.removeItem(PREFIX + key);

export const savedPackage = (courseId: string) => read<CoursePackage>(`package.${courseId}`);
export const savePackage = (p: CoursePackage) => write(`package.${p.courseId}`, p);
export const savedAnswers = (attemptId: string) => read<Answers>(`answers.${attemptId}`) ?? {};
export const saveAnswers = (attemptId: string, a: Answers) => write(`answers.${attemptId}`, a);
export const savedResult = (attemptId: string) => read<SyncedResult>(`result.${attemptId}`);
export const pendingSubmissions = () => read<PendingSubmission[]>('outbox') ?? [];
export const pendingCompletions = () => read<{ courseId: string; lessonId: string }[]>('completions') ?? [];

export function queueSubmission(p: PendingSubmission): void {
  write('outbox', [...pendingSubmissions().filter((x) => x.attemptId !== p.attemptId), p]);
}
export function queueCompletion(courseId: string, lessonId: string): void {
  const rest = pendingCompletions().filter((x) => !(x.courseId === courseId && x.lessonId === lessonId));
  write('completions', [...rest, { courseId, lessonId }]);
}

const isNetworkError = (err: unknown) => err instanceof ApiError && err.problem.code === 'network_error';

/** Sends one attempt's answers; the server grades (once) and its result is kept. */
export async function sendSubmission(api: Api, p: PendingSubmission): Promise<SyncedResult> {
  const result = await api.send<SyncedResult>(
    'POST',
    `/academy/attempts/${p.attemptId}/sync`,
    { answers: p.answers, clientAttemptId: p.clientAttemptId },
    { 'idempotency-key': p.clientAttemptId },
  );
  write(`result.${p.attemptId}`, result);
  write(
    'outbox',
    pendingSubmissions().filter((x) => x.attemptId !== p.attemptId),
  );
  drop(`answers.${p.attemptId}`);
  const pkg = savedPackage(p.courseId);
  if (pkg?.attempt?.attemptId === p.attemptId) savePackage({ ...pkg, attempt: { ...pkg.attempt, submitted: true } });
  return result;
}

/**
 * Sends everything waiting: lesson completions, then answers. What cannot go for want of a network
 * stays for the next try; what the server refuses is dropped with its result kept as the refusal.
 */
export async function syncPending(api: Api): Promise<{ sent: SyncedResult[]; refused: string[]; waiting: number }> {
  for (const c of pendingCompletions()) {
    try {
      await api.send('POST', `/academy/courses/${c.courseId}/lessons/${c.lessonId}/complete`);
    } catch (err) {
      if (isNetworkError(err)) break;
    }
    write(
      'completions',
      pendingCompletions().filter((x) => !(x.courseId === c.courseId && x.lessonId === c.lessonId)),
    );
  }
  const sent: SyncedResult[] = [];
  const refused: string[] = [];
  for (const p of pendingSubmissions()) {
    try {
      sent.push(await sendSubmission(api, p));
    } catch (err) {
      if (isNetworkError(err)) break;
      refused.push(err instanceof ApiError ? err.problem.detail : String(err));
      write(
        'outbox',
        pendingSubmissions().filter((x) => x.attemptId !== p.attemptId),
      );
    }
  }
  return { sent, refused, waiting: pendingSubmissions().length + pendingCompletions().length };
}

export const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Registers the academy's service worker for this language's /academy pages. */
export async function registerAcademyWorker(locale: Locale): Promise<ServiceWorkerRegistration | null> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  const scope = locale === 'th' ? '/academy/' : `/${locale}/academy/`;
  const reg = await navigator.serviceWorker.register('/api/academy/sw.js', { scope });
  await navigator.serviceWorker.ready;
  return reg;
}

/** Asks the worker to keep copies of these addresses; answers with the bytes it kept. */
export async function keepCopies(
  reg: ServiceWorkerRegistration,
  urls: string[],
): Promise<{ bytes: number; failed: string[] }> {
  const worker = reg.active ?? reg.waiting ?? reg.installing;
  if (!worker) throw new Error('no service worker');
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data as { bytes: number; failed: string[] });
    worker.postMessage({ type: 'keep', urls }, [channel.port2]);
  });
}

/** The build's scripts and styles this page loaded, so the copies work without the network. */
export function loadedAssets(): string[] {
  if (typeof performance === 'undefined') return [];
  const names = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/assets/'));
  const tags = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')]
    .map((el) => new URL('src' in el && el.src ? el.src : (el as HTMLLinkElement).href, location.href).pathname)
    .filter((p) => p.startsWith('/assets/'));
  return [...new Set([...names, ...tags])];
}

export const formatBytes = (n: number, locale: Locale) =>
  `${new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : locale === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(n / 1024)))} kB`;

/** The attempt being answered on this device (started online or carried by a package). */
export const savedAttempt = (courseId: string) =>
  read<StartedAttempt & { clientAttemptId: string }>(`attempt.${courseId}`);
export const saveAttempt = (courseId: string, a: (StartedAttempt & { clientAttemptId: string }) | null) =>
  a ? write(`attempt.${courseId}`, a) : drop(`attempt.${courseId}`);
