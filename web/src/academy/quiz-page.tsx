// The quiz: start an attempt (or take the one a downloaded package carries), answer single and
// multiple choice, true/false and short-answer questions, submit, and see the server's grade with
// feedback per question, the attempts left and, on passing, the credential and its PDF. Answers are
// kept on the device as they are given; offline, the submission waits and goes when the network
// is back (once: the attempt's clientAttemptId is its Idempotency-Key).
import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle } from '../components/ui.tsx';
import {
  isOffline,
  pendingSubmissions,
  queueSubmission,
  saveAnswers,
  saveAttempt,
  savedAnswers,
  savedAttempt,
  savedPackage,
  savedResult,
  sendSubmission,
  type SyncedResult,
  syncPending,
} from './offline-store.ts';
import { useAcademyWorker, useOnline } from './offline-panel.tsx';
import type { Answers, CourseData, Question, StartedAttempt, Status } from './shapes.ts';
import '../messages/academy-learn.ts';

type Attempt = StartedAttempt & { clientAttemptId: string };

function QuestionField({
  q,
  n,
  value,
  onChange,
  result,
}: {
  q: Question;
  n: number;
  value: string | string[] | undefined;
  onChange: (v: string | string[]) => void;
  result?: SyncedResult['results'][number];
}) {
  const { t } = useApp();
  const name = `q-${q.id}`;
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <div className="academy-question" data-question={q.id} data-kind={q.kind}>
      <fieldset disabled={Boolean(result)}>
        <legend>
          <strong>{t('academy.question', { n })}</strong> · <span className="muted">{t(`academy.kind.${q.kind}`)}</span>
          <br />
          {q.text}
        </legend>
        {q.kind === 'short' ? (
          <label>
            <span className="visually-hidden">{t('academy.answer')}</span>
            <input
              type="text"
              name={name}
              aria-label={t('academy.answer')}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => onChange(e.target.value)}
            />
          </label>
        ) : (
          q.options.map((o) => (
            <label key={o.id}>
              <input
                type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                name={name}
                value={o.id}
                checked={chosen.includes(o.id)}
                onChange={(e) =>
                  q.kind === 'multiple'
                    ? onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id))
                    : onChange(o.id)
                }
              />
              <span>{o.text}</span>
            </label>
          ))
        )}
      </fieldset>
      {result ? (
        <p className="academy-result" data-correct={result.correct ? 'true' : 'false'}>
          {result.correct ? `✓ ${t('academy.correct')}` : `✗ ${t('academy.wrong')}`} — {result.feedback}
        </p>
      ) : null}
    </div>
  );
}

interface QuizData {
  course: CourseData;
  status: Status;
}

export const quizPage: PageModule<QuizData> = {
  access: 'user',
  load: async ({ api, params }) => {
    const id = encodeURIComponent(params.courseId);
    const [course, status] = await Promise.all([
      api.get<CourseData>(`/academy/courses/${id}`),
      api.get<Status>(`/academy/courses/${id}/status`),
    ]);
    return { course, status };
  },
  head: (d, { t, locale }) => ({
    title: `${t('academy.quiz')} · ${d.course.title}`,
    noindex: true,
    manifest: `/api/academy/manifest.webmanifest?lang=${locale}`,
  }),
  Page({ data: { course, status } }) {
    const { t, href, api } = useApp();
    useAcademyWorker();
    const online = useOnline();
    const { formError, pending, run } = useSubmit();
    const [attempt, setAttempt] = useState<Attempt | null>(null);
    const [answers, setAnswers] = useState<Answers>({});
    const [result, setResult] = useState<SyncedResult | null>(null);
    const [queued, setQueued] = useState(false);
    const [fromPackage, setFromPackage] = useState(false);

    // What this device holds: an attempt being answered, a downloaded one, a result kept.
    useEffect(() => {
      const pkg = savedPackage(course.id);
      const current = savedAttempt(course.id) ?? (pkg?.attempt && !pkg.attempt.submitted ? pkg.attempt : null);
      if (!current) return;
      setAttempt(current);
      setFromPackage(pkg?.attempt?.attemptId === current.attemptId);
      setAnswers(savedAnswers(current.attemptId));
      setResult(savedResult(current.attemptId));
      setQueued(pendingSubmissions().some((p) => p.attemptId === current.attemptId));
    }, [course.id]);

    const sync = useCallback(
      () =>
        run(async () => {
          await syncPending(api);
          if (attempt) {
            const r = savedResult(attempt.attemptId);
            if (r) {
              setResult(r);
              setQueued(false);
            }
          }
        }),
      [api, attempt, run],
    );
    // Back online with answers waiting: send them.
    useEffect(() => {
      if (online && queued) void sync();
    }, [online, queued, sync]);

    const start = () =>
      run(async () => {
        const clientAttemptId = newIdempotencyKey();
        const a = await api.send<StartedAttempt>(
          'POST',
          `/academy/courses/${course.id}/attempts`,
          { clientAttemptId },
          { 'idempotency-key': clientAttemptId },
        );
        const kept = { ...a, clientAttemptId };
        saveAttempt(course.id, kept);
        setAttempt(kept);
        setFromPackage(false);
        setAnswers({});
        setResult(null);
      });
    const answer = (id: string, v: string | string[]) => {
      if (!attempt) return;
      const next = { ...answers, [id]: v };
      setAnswers(next);
      saveAnswers(attempt.attemptId, next);
    };
    const submit = () =>
      run(async () => {
        if (!attempt) return;
        const p = {
          courseId: course.id,
          attemptId: attempt.attemptId,
          clientAttemptId: attempt.clientAttemptId,
          answers,
        };
        queueSubmission(p);
        if (isOffline()) {
          setQueued(true);
          return;
        }
        try {
          setResult(await sendSubmission(api, p));
          setQueued(false);
        } catch (err) {
          if ((err as { problem?: { code?: string } }).problem?.code !== 'network_error') throw err;
          setQueued(true);
        }
      });
    const again = () => {
      saveAttempt(course.id, null);
      setAttempt(null);
      setResult(null);
      setAnswers({});
    };

    const attemptsLeft = result ? result.attemptsLeft : status.attemptsLeft;
    const credentialId = result?.credentialId ?? status.credentialId;
    const byQuestion = new Map(result?.results.map((r) => [r.questionId, r]) ?? []);
    return (
      <div className="academy academy-quiz">
        <p>
          <a href={href(`/academy/courses/${course.id}`)}>{t('academy.back')}</a>
        </p>
        <PageTitle>
          {t('academy.quiz')}: {course.title}
        </PageTitle>
        <p>{t('academy.quizRules', { pass: status.passPercent, max: status.maxAttempts })}</p>
        {!online ? <p role="status">{t('academy.offline.youAreOffline')}</p> : null}
        {status.locked ? <p className="academy-locked">🔒 {t('academy.locked')}</p> : null}
        {result ? (
          <section className="academy-module" aria-live="polite" data-result={result.passed ? 'passed' : 'failed'}>
            {result.conflictDetail ? (
              <p className="notice" data-conflict={result.conflict ?? ''}>
                {result.conflictDetail}
              </p>
            ) : null}
            {fromPackage ? <p>{t('academy.offline.synced')}</p> : null}
            <h2>{result.passed ? t('academy.resultPassed') : t('academy.resultFailed')}</h2>
            <p data-score={result.scorePercent}>
              {t('academy.score', { score: result.scorePercent, pass: result.passPercent })}
            </p>
            <p>{t('academy.attemptsLeft', { n: result.attemptsLeft })}</p>
          </section>
        ) : null}
        {credentialId ? (
          <p className="academy-credential">
            ✓ <a href={href(`/academy/verify/${credentialId}`)}>{t('academy.credential')}</a>
            <br />
            <a href={`/api/academy/credentials/${credentialId}/certificate.pdf`} data-reload="">
              {t('academy.certificatePdf')}
            </a>
          </p>
        ) : null}
        {attempt ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            {fromPackage && !result ? <p>{t('academy.offline.offlineAttempt', { n: attempt.attemptNo })}</p> : null}
            {attempt.questions.map((q, i) => (
              <QuestionField
                key={q.id}
                q={q}
                n={i + 1}
                value={answers[q.id]}
                onChange={(v) => answer(q.id, v)}
                result={byQuestion.get(q.id)}
              />
            ))}
            {!result && !queued ? (
              <button type="submit" className="button primary" disabled={pending}>
                {t('academy.submit')}
              </button>
            ) : null}
            {queued ? (
              <>
                <p role="status" data-queued="true">
                  {t('academy.offline.queued')}
                </p>
                {online ? (
                  <button type="button" className="button" onClick={() => void sync()} disabled={pending}>
                    {t('academy.offline.sync')}
                  </button>
                ) : null}
              </>
            ) : null}
          </form>
        ) : null}
        {!status.locked && !credentialId && (!attempt || (result && !result.passed)) ? (
          attemptsLeft > 0 ? (
            <p>
              <button
                type="button"
                className="button primary"
                onClick={attempt ? again : start}
                disabled={pending || !online}
              >
                {attempt ? t('academy.tryAgain') : t('academy.start')}
              </button>{' '}
              {t('academy.attemptsLeft', { n: attemptsLeft })}
            </p>
          ) : (
            <p>{t('academy.noAttemptsLeft')}</p>
          )
        ) : null}
        <FormError message={formError} />
      </div>
    );
  },
};
