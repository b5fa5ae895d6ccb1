// The course page's offline panel: the package's size before download, the download (the course,
// a pre-started quiz attempt and copies of the pages kept by the academy's service worker), and
// what is waiting to be sent.
import { useEffect, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError } from '../components/ui.tsx';
import {
  type CoursePackage,
  formatBytes,
  keepCopies,
  loadedAssets,
  pendingSubmissions,
  registerAcademyWorker,
  savedPackage,
  savePackage,
  syncPending,
} from './offline-store.ts';

/** Whether the browser says it is online, kept up to date. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** Registers the academy's worker on the learner's pages, so installing the app and offline use work. */
export function useAcademyWorker(): void {
  const { locale } = useApp();
  useEffect(() => {
    registerAcademyWorker(locale).catch(() => undefined);
  }, [locale]);
}

export function OfflinePanel({ courseId }: { courseId: string }) {
  const { t, api, locale, me } = useApp();
  const online = useOnline();
  const { formError, pending, run } = useSubmit();
  const [size, setSize] = useState<number | null>(null);
  const [pkg, setPkg] = useState<CoursePackage | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [noWorker, setNoWorker] = useState(false);

  useEffect(() => {
    setPkg(savedPackage(courseId));
    setWaiting(pendingSubmissions().length);
    if (navigator.onLine)
      api
        .get<{ bytes: number }>(`/academy/courses/${courseId}/package/size`)
        .then((s) => setSize(s.bytes))
        .catch(() => undefined);
  }, [api, courseId]);

  if (!me) return null;

  const download = () =>
    run(async () => {
      const clientAttemptId = savedPackage(courseId)?.attempt?.clientAttemptId ?? newIdempotencyKey();
      const p = await api.send<CoursePackage>('POST', `/academy/courses/${courseId}/package`, { clientAttemptId });
      const reg = await registerAcademyWorker(locale).catch(() => null);
      let keptBytes = 0;
      if (reg) keptBytes = (await keepCopies(reg, [...p.pages, ...p.assets, ...loadedAssets()])).bytes;
      else setNoWorker(true);
      const stored = { ...p, keptBytes };
      savePackage(stored);
      setPkg(stored);
    });
  const sync = () =>
    run(async () => {
      const r = await syncPending(api);
      setWaiting(r.waiting);
    });

  return (
    <section className="academy-offline" aria-labelledby="academy-offline-h">
      <h2 id="academy-offline-h">{t('academy.offline.title')}</h2>
      <p>{t('academy.offline.explain')}</p>
      {!online ? <p role="status">{t('academy.offline.youAreOffline')}</p> : null}
      {pkg ? (
        <p role="status" data-offline-ready="true">
          {t('academy.offline.ready', { size: formatBytes(pkg.keptBytes || pkg.bytes, locale) })}
        </p>
      ) : null}
      {pkg?.quizUnavailable ? (
        <p>{t('academy.offline.quizUnavailable', { reason: pkg.quizUnavailable.detail })}</p>
      ) : null}
      {online ? (
        <button type="button" className="button" onClick={download} disabled={pending}>
          {pending
            ? t('academy.offline.downloading')
            : t('academy.offline.download', { size: size === null ? '…' : formatBytes(size, locale) })}
        </button>
      ) : null}
      {noWorker ? <p>{t('academy.offline.noWorker')}</p> : null}
      {waiting > 0 && online ? (
        <button type="button" className="button secondary" onClick={sync} disabled={pending}>
          {t('academy.offline.sync')}
        </button>
      ) : null}
      <FormError message={formError} />
    </section>
  );
}
