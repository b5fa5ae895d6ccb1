// "My account → devices": the sessions of the signed-in account, each named by its browser and
// system, when it was last used; sign out one device, or every device but this one.
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle } from '../components/ui.tsx';
import { deviceOf } from './device.ts';
import '../messages/account.ts';

export interface AccountSession {
  id: string;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

function DeviceName({ userAgent }: { userAgent: string | null }) {
  const { t } = useApp();
  const { browser, os } = deviceOf(userAgent);
  if (browser && os) return <>{t('sessions.browserOn', { browser, os })}</>;
  return <>{browser ?? os ?? t('sessions.unknownDevice')}</>;
}

export const sessionsPage: PageModule<AccountSession[]> = {
  access: 'user',
  load: ({ api }) => api.get('/auth/sessions'),
  head: (_d, { t }) => ({ title: t('sessions.title'), noindex: true }),
  Page({ data }) {
    const { t, api, locale, me } = useApp();
    const [sessions, setSessions] = useState(data);
    const [said, setSaid] = useState<string | null>(null);
    const { formError, pending, run } = useSubmit();
    const refresh = async (message: string) => {
      setSessions(await api.get<AccountSession[]>('/auth/sessions'));
      setSaid(message);
    };
    const endOne = async (s: AccountSession) => {
      const done = await run(() => api.send('DELETE', `/auth/sessions/${s.id}`));
      if (done !== undefined) await refresh(t('sessions.ended'));
    };
    const endOthers = async () => {
      const done = await run(() => api.send<{ ended: number }>('DELETE', '/auth/sessions'));
      if (done) await refresh(t('sessions.endedOthers', { n: done.ended }));
    };
    const others = sessions.filter((s) => !s.current).length;
    return (
      <>
        <PageTitle>{t('sessions.title')}</PageTitle>
        {me ? <p>{t('sessions.intro', { name: me.displayName })}</p> : null}
        <FormError message={formError} />
        {said ? (
          <p className="notice" role="status">
            {said}
          </p>
        ) : null}
        <ul className="device-list">
          {sessions.map((s) => (
            <li key={s.id} className="device">
              <h2 className="device-name">
                <DeviceName userAgent={s.userAgent} />
                {s.current ? <span className="tag">{t('sessions.thisDevice')}</span> : null}
              </h2>
              <p>{t('sessions.lastSeen', { when: formatDate(s.lastSeenAt, locale) })}</p>
              <p className="muted">{t('sessions.signedIn', { when: formatDate(s.createdAt, locale) })}</p>
              {s.current ? null : (
                <button type="button" className="danger" disabled={pending} onClick={() => void endOne(s)}>
                  {t('sessions.signOutDevice')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {others ? (
          <button type="button" className="danger" disabled={pending} onClick={() => void endOthers()}>
            {t('sessions.signOutOthers')}
          </button>
        ) : (
          <p className="muted">{t('sessions.onlyThis')}</p>
        )}
      </>
    );
  },
};
