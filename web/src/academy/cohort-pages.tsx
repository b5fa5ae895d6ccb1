// The cohort pages: /academy/teach lists the cohorts someone trains, staffs at their centre or
// attends, and lets a certified trainer open one at a centre; /academy/cohorts/<id> shows a cohort
// with its join code, sessions (the trainer opens them), and roster (trainer, centre staff,
// operators); /academy/cohorts/<id>/progress is the trainer's progress and grades with search and
// the CSV; /academy/join/<code> enrols a learner.
import { type FormEvent, useEffect, useState } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { query } from '../app/api.ts';
import { Pager } from '../components/Pager.tsx';
import { FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import { PROVINCES } from '../../../src/platform/provinces.ts';
import {
  type Centre,
  type CohortData,
  type CohortFacts,
  cohortDay,
  type JoinView,
  type MyCohorts,
  type ProgressData,
  type Roster,
  sessionTime,
} from './cohort-shapes.ts';
import type { CatalogueData, CourseData } from './shapes.ts';
import '../messages/academy.ts';
import '../messages/academy-learn.ts';
import '../messages/academy-teach.ts';
import './academy.css';

export { checkInPage, sessionPage } from './check-in-page.tsx';

function Facts({ c }: { c: CohortFacts }) {
  const { t, locale } = useApp();
  return (
    <>
      <p>
        {c.course.title}
        {c.modules.length ? ` — ${c.modules.map((m) => m.title).join(', ')}` : ''}
      </p>
      <p className="muted">
        {locale === 'th' ? c.centre.nameTh : c.centre.name} · {c.centre.province.name}
        <br />
        {t('academy.teach.dates', { from: cohortDay(c.startsOn, locale), to: cohortDay(c.endsOn, locale) })} ·{' '}
        {t('academy.teach.enrolled', { n: c.enrolled, capacity: c.capacity })}
        <br />
        {t('academy.teach.trainer', { name: c.trainerName })}
      </p>
    </>
  );
}

function CohortList({ title, items }: { title: string; items: CohortFacts[] }) {
  const { href } = useApp();
  if (!items.length) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul className="academy-courses">
        {items.map((c) => (
          <li key={c.id} className="academy-card" data-cohort={c.id}>
            <h3>
              <a href={href(`/academy/cohorts/${c.id}`)}>{c.title}</a>
            </h3>
            <Facts c={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}

interface TeachData {
  mine: MyCohorts;
  courses: CatalogueData['items'];
}

function OpenCohortForm({ courses }: { courses: TeachData['courses'] }) {
  const { t, locale, api, navigate, href } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const [province, setProvince] = useState('');
  const [centres, setCentres] = useState<Centre[]>([]);
  const [courseId, setCourseId] = useState(courses[0]?.id ?? '');
  const [modules, setModules] = useState<CourseData['modules']>([]);
  useEffect(() => {
    if (!province) return setCentres([]);
    api
      .get<{ items: Centre[] }>(`/academy/centres${query({ province, limit: 200 })}`)
      .then((r) => setCentres(r.items))
      .catch(() => setCentres([]));
  }, [api, province]);
  useEffect(() => {
    if (!courseId) return setModules([]);
    api
      .get<CourseData>(`/academy/courses/${encodeURIComponent(courseId)}`)
      .then((c) => setModules(c.modules))
      .catch(() => setModules([]));
  }, [api, courseId]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const v = formValues(form);
    const moduleIds = new FormData(form).getAll('moduleIds').map(String);
    run(async () => {
      const c = await api.send<CohortData>('POST', '/academy/cohorts', {
        centreCode: v.centreCode ?? '',
        courseId: v.courseId ?? '',
        title: v.title ?? '',
        startsOn: v.startsOn ?? '',
        endsOn: v.endsOn ?? '',
        ...(moduleIds.length ? { moduleIds } : {}),
        ...(v.capacity ? { capacity: Number(v.capacity) } : {}),
      });
      await navigate(href(`/academy/cohorts/${c.id}`));
    });
  };
  return (
    <form className="academy-module" onSubmit={submit} noValidate>
      <h2>{t('academy.teach.open')}</h2>
      <SelectField
        label={t('academy.teach.province')}
        value={province}
        onChange={(e) => setProvince(e.currentTarget.value)}
        placeholder={t('academy.teach.choose')}
        options={PROVINCES.map((p) => ({ value: p.code, label: p[locale] }))}
      />
      <SelectField
        label={t('academy.teach.centre')}
        name="centreCode"
        error={errors.centreCode}
        placeholder={t('academy.teach.choose')}
        options={centres.map((c) => ({
          value: c.code,
          label: `${locale === 'th' ? c.nameTh : c.name} (${t('academy.teach.seats', { n: c.capacity })})`,
        }))}
      />
      <SelectField
        label={t('academy.teach.course')}
        name="courseId"
        value={courseId}
        onChange={(e) => setCourseId(e.currentTarget.value)}
        error={errors.courseId}
        options={courses.map((c) => ({ value: c.id, label: c.title }))}
      />
      {modules.length > 1 ? (
        <fieldset className="academy-modules">
          <legend>{t('academy.teach.modules')}</legend>
          {modules.map((m) => (
            <label key={m.id}>
              <input type="checkbox" name="moduleIds" value={m.id} /> {m.title}
            </label>
          ))}
        </fieldset>
      ) : null}
      {errors.moduleIds ? <p className="error">{errors.moduleIds}</p> : null}
      <TextField label={t('academy.teach.cohortTitle')} name="title" maxLength={200} error={errors.title} />
      <TextField label={t('academy.teach.startsOn')} name="startsOn" type="date" error={errors.startsOn} />
      <TextField label={t('academy.teach.endsOn')} name="endsOn" type="date" error={errors.endsOn} />
      <TextField
        label={t('academy.teach.capacity')}
        name="capacity"
        type="number"
        min={1}
        inputMode="numeric"
        error={errors.capacity}
      />
      <FormError message={formError} />
      <button type="submit" className="button primary" disabled={pending}>
        {t('academy.teach.open')}
      </button>
    </form>
  );
}

export const teachPage: PageModule<TeachData> = {
  access: 'user',
  load: async ({ api }) => {
    const [mine, catalogue] = await Promise.all([
      api.get<MyCohorts>('/academy/me/cohorts'),
      api.get<CatalogueData>('/academy/catalogue'),
    ]);
    return { mine, courses: catalogue.items };
  },
  head: (_d, { t }) => ({ title: t('academy.teach.title'), noindex: true }),
  Page({ data: { mine, courses } }) {
    const { t, href } = useApp();
    const of = (a: string) => mine.items.filter((c) => c.access === a);
    return (
      <div className="academy">
        <p>
          <a href={href('/academy')}>{t('academy.title')}</a> ·{' '}
          <a href={href('/academy/check-in')}>{t('academy.teach.checkInLink')}</a>
        </p>
        <PageTitle>{t('academy.teach.title')}</PageTitle>
        {mine.items.length ? null : <p>{t('academy.teach.none')}</p>}
        <CohortList title={t('academy.teach.asTrainer')} items={of('trainer')} />
        <CohortList title={t('academy.teach.asStaff')} items={of('staff')} />
        <CohortList title={t('academy.teach.asLearner')} items={of('learner')} />
        {mine.trainer ? (
          <OpenCohortForm courses={courses} />
        ) : (
          <p className="notice">{t('academy.teach.notTrainer')}</p>
        )}
      </div>
    );
  },
};

/** datetime-local ("2026-12-05T09:00") is the trainer's Bangkok time. */
const bangkok = (local: string) => (local ? `${local}:00+07:00` : '');

function OpenSessionForm({ cohortId }: { cohortId: string }) {
  const { t, api, reload } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const v = formValues(form);
    run(async () => {
      await api.send('POST', `/academy/cohorts/${cohortId}/sessions`, {
        title: v.title ?? '',
        startsAt: bangkok(v.startsAt ?? ''),
        endsAt: bangkok(v.endsAt ?? ''),
      });
      form.reset();
      await reload();
    });
  };
  return (
    <form className="academy-module" onSubmit={submit} noValidate>
      <h3>{t('academy.teach.openSession')}</h3>
      <TextField label={t('academy.teach.sessionTitle')} name="title" maxLength={200} error={errors.title} />
      <TextField label={t('academy.teach.startsAt')} name="startsAt" type="datetime-local" error={errors.startsAt} />
      <TextField label={t('academy.teach.endsAt')} name="endsAt" type="datetime-local" error={errors.endsAt} />
      <FormError message={formError} />
      <button type="submit" className="button primary" disabled={pending}>
        {t('academy.teach.openSession')}
      </button>
    </form>
  );
}

interface CohortPageData {
  cohort: CohortData;
  roster: Roster | null;
}

export const cohortPage: PageModule<CohortPageData> = {
  access: 'user',
  load: async ({ api, params }) => {
    const cohort = await api.get<CohortData>(`/academy/cohorts/${encodeURIComponent(params.cohortId)}`);
    const roster =
      cohort.access === 'learner' ? null : await api.get<Roster>(`/academy/cohorts/${cohort.id}/roster?limit=200`);
    return { cohort, roster };
  },
  head: (d) => ({ title: d.cohort.title, noindex: true }),
  Page({ data: { cohort, roster } }) {
    const { t, href, locale } = useApp();
    const teaches = cohort.access === 'trainer' || cohort.access === 'operator';
    return (
      <div className="academy">
        <p>
          <a href={href('/academy/teach')}>{t('academy.teach.all')}</a>
        </p>
        <PageTitle>{cohort.title}</PageTitle>
        <Facts c={cohort} />
        {cohort.joinCode ? (
          <p>
            {t('academy.teach.joinCode')}: <strong data-join-code>{cohort.joinCode}</strong> ·{' '}
            <a href={href(`/academy/join/${cohort.joinCode}`)}>{t('academy.teach.joinLink')}</a>
          </p>
        ) : null}
        {teaches ? (
          <p>
            <a className="button" href={href(`/academy/cohorts/${cohort.id}/progress`)}>
              {t('academy.teach.progress')}
            </a>
          </p>
        ) : null}
        <section className="academy-module">
          <h2>{t('academy.teach.sessions')}</h2>
          {cohort.sessions.length ? null : <p>{t('academy.teach.noSessions')}</p>}
          <ul>
            {cohort.sessions.map((s) => (
              <li key={s.id} data-session={s.id}>
                <strong>{s.title}</strong>
                <br />
                <span className="muted">
                  {sessionTime(s.startsAt, locale)} – {sessionTime(s.endsAt, locale)}
                </span>
                <br />
                {cohort.access === 'learner' ? (
                  s.closed ? (
                    t('academy.teach.closed')
                  ) : (
                    <a href={href(`/academy/check-in/${s.id}`)}>{t('academy.checkIn.title')}</a>
                  )
                ) : (
                  <>
                    {t('academy.teach.present', { n: s.present })}
                    {s.closed ? ` · ${t('academy.teach.closed')}` : ''} ·{' '}
                    <a href={href(`/academy/sessions/${s.id}`)}>
                      {teaches && !s.closed ? t('academy.teach.showCode') : t('academy.teach.attendance')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
          {cohort.access === 'trainer' ? <OpenSessionForm cohortId={cohort.id} /> : null}
        </section>
        {roster ? (
          <section className="academy-module">
            <h2>
              {t('academy.teach.roster')} ({roster.total})
            </h2>
            <ol>
              {roster.items.map((r) => (
                <li key={r.userId}>
                  {r.displayName} —{' '}
                  <span className="muted">{t('academy.teach.sessionsAttended', { n: r.sessionsAttended })}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
    );
  },
};

const PER_PAGE = 50;
interface ProgressPageData {
  cohort: CohortData;
  progress: ProgressData;
  page: number;
  search: string;
}

export const progressPage: PageModule<ProgressPageData> = {
  access: 'user',
  load: async ({ api, params, query: q }) => {
    const page = Math.max(1, Number(q.get('page')) || 1);
    const search = (q.get('search') ?? '').slice(0, 80);
    const id = encodeURIComponent(params.cohortId);
    const [cohort, progress] = await Promise.all([
      api.get<CohortData>(`/academy/cohorts/${id}`),
      api.get<ProgressData>(
        `/academy/cohorts/${id}/progress${query({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE, search: search || null })}`,
      ),
    ]);
    return { cohort, progress, page, search };
  },
  head: (d, { t }) => ({ title: `${t('academy.teach.progress')} — ${d.cohort.title}`, noindex: true }),
  Page({ data: { cohort, progress, page, search } }) {
    const { t, href, navigate } = useApp();
    const s = progress.summary;
    const find = (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const v = formValues(e.currentTarget).search ?? '';
      void navigate(href(`/academy/cohorts/${cohort.id}/progress${query({ search: v || null })}`));
    };
    return (
      <div className="academy">
        <p>
          <a href={href(`/academy/cohorts/${cohort.id}`)}>{t('academy.teach.back')}</a>
        </p>
        <PageTitle>{t('academy.teach.progress')}</PageTitle>
        <p>{cohort.title}</p>
        <p data-summary>
          {t('academy.teach.summary', {
            enrolled: s.enrolled,
            attempted: s.attempted,
            passed: s.passed,
            avg: s.averageBestPercent === null ? '—' : `${s.averageBestPercent}%`,
          })}
          <br />
          {t('academy.teach.attendanceSummary', { sessions: s.sessions, attendance: s.attendance })}
        </p>
        <p>
          <a className="button" href={`/api/academy/cohorts/${cohort.id}/progress.csv`} download>
            {t('academy.teach.csv')}
          </a>
        </p>
        <form className="academy-search" onSubmit={find}>
          <TextField
            label={t('academy.teach.search')}
            name="search"
            type="search"
            defaultValue={search}
            maxLength={80}
          />
          <button type="submit" className="button">
            {t('academy.teach.searchButton')}
          </button>
        </form>
        {search ? <p role="status">{t('academy.teach.found', { n: progress.total })}</p> : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('academy.teach.colName')}</th>
                <th scope="col">{t('academy.teach.colLessons')}</th>
                <th scope="col">{t('academy.teach.colAttempts')}</th>
                <th scope="col">{t('academy.teach.colBest')}</th>
                <th scope="col">{t('academy.teach.colPassed')}</th>
                <th scope="col">{t('academy.teach.colSessions')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.items.map((r) => (
                <tr key={r.userId} data-learner={r.displayName}>
                  <td>{r.displayName}</td>
                  <td>
                    {r.lessonsDone}/{s.lessons}
                  </td>
                  <td>{r.attempts}</td>
                  <td>{r.bestPercent === null ? '—' : `${r.bestPercent}%`}</td>
                  <td>{r.passed ? t('academy.teach.yes') : t('academy.teach.no')}</td>
                  <td>{r.sessionsAttended}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={page} perPage={PER_PAGE} total={progress.total} />
      </div>
    );
  },
};

export const joinPage: PageModule<JoinView> = {
  access: 'user',
  load: ({ api, params }) => api.get<JoinView>(`/academy/join/${encodeURIComponent(params.code)}`),
  head: (d, { t }) => ({ title: `${t('academy.join.title')}: ${d.title}`, noindex: true }),
  Page({ data, params }) {
    const { t, api, href } = useApp();
    const { formError, pending, run } = useSubmit();
    const [joined, setJoined] = useState(data.alreadyEnrolled);
    const enrol = () =>
      run(async () => {
        await api.send('POST', `/academy/join/${encodeURIComponent(params.code)}`);
        setJoined(true);
      });
    return (
      <div className="academy">
        <PageTitle>{data.title}</PageTitle>
        <Facts c={data} />
        {joined ? (
          <p role="status" className="academy-done">
            ✓ {t('academy.join.enrolled')} · <a href={href(`/academy/cohorts/${data.id}`)}>{data.title}</a> ·{' '}
            <a href={href(`/academy/courses/${data.course.id}`)}>{data.course.title}</a>
          </p>
        ) : (
          <>
            <p>{t('academy.join.seatsLeft', { n: data.seatsLeft })}</p>
            <button type="button" className="button primary" onClick={enrol} disabled={pending}>
              {t('academy.join.enrol')}
            </button>
          </>
        )}
        <FormError message={formError} />
      </div>
    );
  },
};
