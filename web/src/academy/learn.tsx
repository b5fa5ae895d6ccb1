// The learner's academy: the catalogue (/academy), a course with its modules, lessons, minutes,
// prerequisites and the learner's progress, and a lesson (text with pictures, a video by URL,
// files to download) with "mark complete", which waits on the device while offline.
import { type FormEvent, useState } from 'react';
import { sendForm } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle } from '../components/ui.tsx';
import { isOffline, queueCompletion } from './offline-store.ts';
import { OfflinePanel, useAcademyWorker } from './offline-panel.tsx';
import { assetUrl, type CatalogueData, type CourseData, type LessonData, lessonsOf, type Status } from './shapes.ts';
import '../messages/academy.ts';
import '../messages/academy-learn.ts';
import '../messages/academy-teach.ts';
import './academy.css';

export { quizPage } from './quiz-page.tsx';
export { sellerAcademyPage } from './seller-academy.tsx';

const manifest = (locale: string) => `/api/academy/manifest.webmanifest?lang=${locale}`;

function Progress({ done, total }: { done: number; total: number }) {
  const { t } = useApp();
  return (
    <p className="academy-progress">
      <progress max={total} value={done} aria-hidden="true" /> {t('academy.progress', { done, total })}
    </p>
  );
}

function Prerequisites({ items }: { items: Status['prerequisites'] }) {
  const { t, href } = useApp();
  if (!items.length) return <p>{t('academy.noPrerequisites')}</p>;
  return (
    <div>
      <h2>{t('academy.prerequisites')}</h2>
      <ul>
        {items.map((p) => (
          <li key={p.id}>
            <a href={href(`/academy/courses/${p.id}`)}>{p.title}</a> — {p.met ? t('academy.met') : t('academy.notMet')}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const cataloguePage: PageModule<CatalogueData> = {
  load: ({ api }) => api.get<CatalogueData>('/academy/catalogue'),
  head: (_d, { t, locale }) => ({
    title: t('academy.title'),
    description: t('academy.intro'),
    manifest: manifest(locale),
  }),
  Page({ data }) {
    const { t, href } = useApp();
    useAcademyWorker();
    return (
      <div className="academy">
        <PageTitle>{t('academy.title')}</PageTitle>
        <p>{t('academy.intro')}</p>
        {!data.signedIn ? (
          <p className="notice">{t('academy.signInToTrack')}</p>
        ) : (
          <p>
            <a href={href('/academy/teach')}>{t('academy.teach.link')}</a> ·{' '}
            <a href={href('/academy/check-in')}>{t('academy.teach.checkInLink')}</a>
          </p>
        )}
        <ul className="academy-courses">
          {data.items.map((c) => (
            <li key={c.id} className="academy-card" data-course={c.id}>
              <h2>
                <a href={href(`/academy/courses/${c.id}`)}>{c.title}</a>
              </h2>
              <p>{c.summary}</p>
              <p className="muted">
                {t('academy.lessons', { n: c.lessons })} · {t('academy.minutes', { n: c.estimatedMinutes })}
              </p>
              {c.locked ? (
                <p className="academy-locked">
                  🔒 {t('academy.locked')}:{' '}
                  {c.prerequisites
                    .filter((p) => !p.met)
                    .map((p) => p.title)
                    .join(', ')}
                </p>
              ) : null}
              {data.signedIn ? <Progress done={c.done} total={c.lessons} /> : null}
              {c.credentialId ? (
                <p>
                  ✓ {t('academy.passed')} ·{' '}
                  <a href={href(`/academy/verify/${c.credentialId}`)}>{t('academy.credential')}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    );
  },
};

interface CoursePageData {
  course: CourseData;
  status: Status;
}

const loadCourse = async ({ api, params }: { api: import('../app/api.ts').Api; params: Record<string, string> }) => {
  const [course, status] = await Promise.all([
    api.get<CourseData>(`/academy/courses/${encodeURIComponent(params.courseId)}`),
    api.get<Status>(`/academy/courses/${encodeURIComponent(params.courseId)}/status`),
  ]);
  return { course, status };
};

export const coursePage: PageModule<CoursePageData> = {
  load: loadCourse,
  head: (d, { locale }) => ({ title: d.course.title, description: d.course.summary, manifest: manifest(locale) }),
  Page({ data: { course, status } }) {
    const { t, href } = useApp();
    useAcademyWorker();
    const base = `/academy/courses/${course.id}`;
    return (
      <div className="academy">
        <p>
          <a href={href('/academy')}>{t('academy.title')}</a>
        </p>
        <PageTitle>{course.title}</PageTitle>
        <p>{course.summary}</p>
        <p className="muted">
          {t('academy.lessons', { n: course.progress.total })} · {t('academy.minutes', { n: course.estimatedMinutes })}
        </p>
        <Prerequisites items={status.prerequisites} />
        {status.locked ? <p className="academy-locked">🔒 {t('academy.locked')}</p> : null}
        {status.signedIn ? (
          <Progress done={course.progress.done} total={course.progress.total} />
        ) : (
          <p className="notice">{t('academy.signInToTrack')}</p>
        )}
        {course.modules.map((m) => (
          <section key={m.id} className="academy-module">
            <h2>{m.title}</h2>
            <ol>
              {m.lessons.map((l) => (
                <li key={l.id} data-lesson={l.id} data-done={l.done ? 'true' : 'false'}>
                  {status.locked ? l.title : <a href={href(`${base}/lessons/${l.id}`)}>{l.title}</a>}{' '}
                  <span className="muted">· {t('academy.minutes', { n: l.minutes })}</span>
                  {l.done ? <span className="academy-done"> ✓ {t('academy.done')}</span> : null}
                </li>
              ))}
            </ol>
          </section>
        ))}
        <section className="academy-module">
          <h2>{t('academy.quiz')}</h2>
          <p>{t('academy.quizRules', { pass: status.passPercent, max: status.maxAttempts })}</p>
          {status.credentialId ? (
            <p>
              ✓ {t('academy.passed')} ·{' '}
              <a href={href(`/academy/verify/${status.credentialId}`)}>{t('academy.credential')}</a>
            </p>
          ) : status.locked ? null : (
            <p>
              <a className="button primary" href={href(`${base}/quiz`)}>
                {t('academy.quiz')}
              </a>{' '}
              {status.signedIn ? t('academy.attemptsLeft', { n: status.attemptsLeft }) : null}
            </p>
          )}
        </section>
        {status.locked ? null : <OfflinePanel courseId={course.id} />}
      </div>
    );
  },
};

export const lessonPage: PageModule<CoursePageData> = {
  load: loadCourse,
  head: (d, { params, locale }) => ({
    title: lessonsOf(d.course).find((l) => l.id === params.lessonId)?.title ?? d.course.title,
    manifest: manifest(locale),
  }),
  Page({ data: { course, status }, params }) {
    const { t, href, api, me } = useApp();
    useAcademyWorker();
    const { formError, pending, run } = useSubmit();
    const lessons = lessonsOf(course);
    const i = lessons.findIndex((l) => l.id === params.lessonId);
    const lesson = lessons[i];
    const [done, setDone] = useState(lesson?.done ?? false);
    const [queued, setQueued] = useState(false);
    const base = `/academy/courses/${course.id}`;
    if (!lesson) return <PageTitle>{course.title}</PageTitle>;
    const next = lessons[i + 1];
    const complete = () =>
      run(async () => {
        if (isOffline()) {
          queueCompletion(course.id, lesson.id);
          setQueued(true);
          return;
        }
        try {
          await api.send('POST', `${base}/lessons/${lesson.id}/complete`);
          setDone(true);
        } catch (err) {
          if ((err as { problem?: { code?: string } }).problem?.code !== 'network_error') throw err;
          queueCompletion(course.id, lesson.id);
          setQueued(true);
        }
      });
    return (
      <article className="academy academy-lesson">
        <p>
          <a href={href(base)}>{t('academy.back')}</a>
        </p>
        <PageTitle>{lesson.title}</PageTitle>
        <p className="muted">{t('academy.minutes', { n: lesson.minutes })}</p>
        {status.locked ? <p className="academy-locked">🔒 {t('academy.locked')}</p> : null}
        {lesson.body.split(/\n+/).map((para) => (
          <p key={para.slice(0, 40)}>{para}</p>
        ))}
        {lesson.images.map((img) => (
          <figure key={img.src}>
            <img src={assetUrl(img.src)} alt={img.alt} width={320} height={200} />
            <figcaption>{img.alt}</figcaption>
          </figure>
        ))}
        {lesson.video ? (
          // biome-ignore lint/a11y/useMediaCaption: uploads carry no caption file yet; the lesson text above is the video's transcript in th, zh and en
          <video className="academy-video" controls preload="metadata" width={640} height={360}>
            <source src={lesson.video.src} type={lesson.video.type} />
            {t('academy.videoUnsupported')}
          </video>
        ) : lesson.videoUrl ? (
          <p>
            ▶{' '}
            <a href={lesson.videoUrl} target="_blank" rel="noopener noreferrer">
              {t('academy.video')}
            </a>
          </p>
        ) : null}
        {me?.roles.includes('operator') ? <VideoUpload courseId={course.id} lesson={lesson} /> : null}
        {lesson.files.length ? (
          <>
            <h2>{t('academy.files')}</h2>
            <ul>
              {lesson.files.map((f) => (
                <li key={f.href}>
                  <a href={assetUrl(f.href)} download={f.name}>
                    {f.name}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {me && !status.locked ? (
          done ? (
            <p role="status" className="academy-done">
              ✓ {t('academy.done')}
            </p>
          ) : queued ? (
            <p role="status">{t('academy.completeQueued')}</p>
          ) : (
            <button type="button" className="button primary" onClick={complete} disabled={pending}>
              {t('academy.markComplete')}
            </button>
          )
        ) : null}
        <FormError message={formError} />
        <p>
          {next ? (
            <a href={href(`${base}/lessons/${next.id}`)}>
              {t('academy.next')}: {next.title}
            </a>
          ) : (
            <a href={href(`${base}/quiz`)}>{t('academy.quiz')}</a>
          )}
        </p>
      </article>
    );
  },
};

/** The operator's form to upload (or replace, or remove) the lesson's video; the page reloads to show it. */
function VideoUpload({ courseId, lesson }: { courseId: string; lesson: LessonData }) {
  const { t, locale, api } = useApp();
  const { formError, pending, run } = useSubmit();
  const path = `/academy/courses/${courseId}/lessons/${lesson.id}/video`;
  const upload = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get('video');
    if (!(file instanceof File) || !file.size) return;
    void run(async () => {
      await sendForm(path, file, locale, 'PUT');
      window.location.reload();
    });
  };
  const remove = () =>
    run(async () => {
      await api.send('DELETE', path);
      window.location.reload();
    });
  return (
    <form className="academy-video-upload" onSubmit={upload}>
      <h2>{t('academy.videoUpload')}</h2>
      <label>
        {t('academy.videoFile')}
        <input type="file" name="video" accept="video/mp4,video/webm" required />
      </label>
      <button type="submit" disabled={pending}>
        {lesson.video ? t('academy.videoReplace') : t('academy.videoUpload')}
      </button>
      {lesson.video ? (
        <button type="button" onClick={remove} disabled={pending}>
          {t('academy.videoRemove')}
        </button>
      ) : null}
      <FormError message={formError} />
    </form>
  );
}
