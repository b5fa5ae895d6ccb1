// Attendance in the room: /academy/sessions/<id> is the trainer's screen with the rotating QR code
// and its six-digit code (fetched again as each one expires) and who has checked in (refreshed every
// few seconds); the centre's staff see the attendance only. /academy/check-in[/<session>] is the
// learner's: the scanned QR code's link checks in by itself, or the six digits are typed.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle, TextField } from '../components/ui.tsx';
import {
  type Attendance,
  type CheckedIn,
  type CohortData,
  type MyCohorts,
  openForCheckIn,
  type SessionData,
  type SessionQr,
  sessionTime,
} from './cohort-shapes.ts';
import '../messages/academy.ts';
import '../messages/academy-teach.ts';
import './academy.css';

interface SessionPageData {
  attendance: Attendance;
  qr: SessionQr | null;
}

const ATTENDANCE_EVERY_MS = 5_000;

export const sessionPage: PageModule<SessionPageData> = {
  access: 'user',
  load: async ({ api, params }) => {
    const id = encodeURIComponent(params.sessionId);
    const attendance = await api.get<Attendance>(`/academy/sessions/${id}/attendance`);
    // Only the trainer and operators get a code; the centre's staff and a closed session have none.
    const qr = attendance.session.closed
      ? null
      : await api.get<SessionQr>(`/academy/sessions/${id}/qr`).catch((e: unknown) => {
          if (e instanceof ApiError && (e.status === 404 || e.status === 409)) return null;
          throw e;
        });
    return { attendance, qr };
  },
  head: (d, { t }) => ({ title: `${t('academy.teach.attendance')} — ${d.attendance.session.title}`, noindex: true }),
  Page({ data }) {
    const { t, href, api, locale } = useApp();
    const { formError, pending, run } = useSubmit();
    const [qr, setQr] = useState(data.qr);
    const [attendance, setAttendance] = useState(data.attendance);
    const session = attendance.session;
    useEffect(() => setAttendance(data.attendance), [data.attendance]);
    useEffect(() => {
      if (!qr || session.closed) return;
      const timer = setTimeout(
        () =>
          api
            .get<SessionQr>(`/academy/sessions/${session.id}/qr`)
            .then(setQr)
            .catch(() => setQr(null)),
        Math.max(500, qr.rotatesInMs + 200),
      );
      return () => clearTimeout(timer);
    }, [api, qr, session.id, session.closed]);
    useEffect(() => {
      const timer = setInterval(
        () =>
          api
            .get<Attendance>(`/academy/sessions/${session.id}/attendance`)
            .then(setAttendance)
            .catch(() => undefined),
        ATTENDANCE_EVERY_MS,
      );
      return () => clearInterval(timer);
    }, [api, session.id]);
    const close = () =>
      run(async () => {
        const s = await api.send<Attendance['session']>('POST', `/academy/sessions/${session.id}/close`);
        setAttendance((a) => ({ ...a, session: s }));
        setQr(null);
      });
    return (
      <div className="academy">
        <p>
          <a href={href(`/academy/cohorts/${session.cohortId}`)}>{t('academy.teach.back')}</a>
        </p>
        <PageTitle>{session.title}</PageTitle>
        <p className="muted">
          {sessionTime(session.startsAt, locale)} – {sessionTime(session.endsAt, locale)}
          {session.closed ? ` · ${t('academy.teach.closed')}` : ''}
        </p>
        {qr && !session.closed ? (
          <section className="academy-module academy-qr" aria-labelledby="academy-qr-h">
            <h2 id="academy-qr-h">{t('academy.teach.scan')}</h2>
            <img
              className="academy-qr-code"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.svg)}`}
              alt={t('academy.teach.qrAlt')}
              data-check-in-url={qr.url}
              width={288}
              height={288}
            />
            <p>
              {t('academy.teach.typedCode')}:{' '}
              <strong className="academy-typed-code" data-typed-code>
                {qr.code}
              </strong>
            </p>
            <p className="muted">{t('academy.teach.rotates')}</p>
            <button type="button" className="button" onClick={close} disabled={pending}>
              {t('academy.teach.closeSession')}
            </button>
            <FormError message={formError} />
          </section>
        ) : null}
        <section className="academy-module" aria-live="polite">
          <h2>
            {t('academy.teach.attendance')} <span data-present>({attendance.items.length})</span>
          </h2>
          {attendance.items.length ? null : <p>{t('academy.teach.nobody')}</p>}
          <ol>
            {attendance.items.map((a) => (
              <li key={a.userId} data-attendee={a.displayName}>
                {a.displayName} — <span className="muted">{sessionTime(a.checkedInAt, locale)}</span>
                {a.late ? ` (${t('academy.teach.late')})` : ''}
              </li>
            ))}
          </ol>
        </section>
      </div>
    );
  },
};

interface CheckInData {
  sessions: (SessionData & { cohortTitle: string })[];
}

function CheckInForm({ session, token }: { session: CheckInData['sessions'][number]; token: string | null }) {
  const { t, api, locale } = useApp();
  const { errors, formError, pending, run, setErrors } = useSubmit();
  const [done, setDone] = useState<CheckedIn | null>(null);
  const send = (code: string) =>
    run(async () => {
      setDone(await api.send<CheckedIn>('POST', `/academy/sessions/${session.id}/check-in`, { token: code }));
    });
  // The scanned QR code's link carries its token: check in at once, without typing anything.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page opens with a token
  useEffect(() => {
    if (token) void send(token);
  }, []);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = (formValues(e.currentTarget).code ?? '').replace(/\s/g, '');
    if (!/^[0-9]{6}$/.test(code)) return setErrors({ token: t('academy.checkIn.codeFormat') });
    void send(code);
  };
  return (
    <li className="academy-card" data-session={session.id}>
      <h2>{session.title}</h2>
      <p className="muted">
        {session.cohortTitle} · {sessionTime(session.startsAt, locale)}
      </p>
      {done ? (
        <p role="status" className="academy-done" data-checked-in>
          ✓{' '}
          {t(done.alreadyCheckedIn ? 'academy.checkIn.already' : 'academy.checkIn.done', {
            title: done.title,
            time: sessionTime(done.checkedInAt, locale),
          })}
          {done.late ? ` ${t('academy.checkIn.late')}` : ''}
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('academy.checkIn.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={7}
            error={errors.token}
          />
          <FormError message={formError} />
          <button type="submit" className="button primary" disabled={pending}>
            {t('academy.checkIn.submit')}
          </button>
        </form>
      )}
    </li>
  );
}

export const checkInPage: PageModule<CheckInData> = {
  access: 'user',
  load: async ({ api, params }) => {
    const mine = await api.get<MyCohorts>('/academy/me/cohorts');
    const cohorts = await Promise.all(
      mine.items.filter((c) => c.access === 'learner').map((c) => api.get<CohortData>(`/academy/cohorts/${c.id}`)),
    );
    const sessions = cohorts.flatMap((c) =>
      c.sessions
        .filter((s) => (params.sessionId ? s.id === params.sessionId : openForCheckIn(s)))
        .map((s) => ({ ...s, cohortTitle: c.title })),
    );
    return { sessions };
  },
  head: (_d, { t }) => ({ title: t('academy.checkIn.title'), noindex: true }),
  Page({ data, query, params }) {
    const { t, href } = useApp();
    const token = params.sessionId ? query.get('t') : null;
    return (
      <div className="academy">
        <p>
          <a href={href('/academy/teach')}>{t('academy.teach.link')}</a>
        </p>
        <PageTitle>{t('academy.checkIn.title')}</PageTitle>
        <p>{t('academy.checkIn.explain')}</p>
        {data.sessions.length ? (
          <ul className="academy-courses">
            {data.sessions.map((s) => (
              <CheckInForm key={s.id} session={s} token={token} />
            ))}
          </ul>
        ) : (
          <p role="status">{t('academy.checkIn.none')}</p>
        )}
      </div>
    );
  },
};
