// The academy API's cohort answers as the trainer's, centre staff's and learner's pages use them.
import type { Locale } from '../ssr-contract.ts';

export interface Centre {
  id: string;
  code: string;
  name: string;
  nameTh: string;
  province: { code: string; name: string };
  district: { code: string; nameTh: string };
  subdistrictTh: string;
  capacity: number;
}
export type Access = 'trainer' | 'operator' | 'staff' | 'learner';
export interface CohortFacts {
  id: string;
  title: string;
  course: { id: string; title: string };
  modules: { id: string; title: string; lessons: number }[];
  centre: Centre;
  trainerName: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  enrolled: number;
  seatsLeft: number;
}
export interface SessionData {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  closed: boolean;
  present: number;
}
export interface CohortData extends CohortFacts {
  access: Access;
  joinCode: string | null;
  sessions: SessionData[];
}
export interface MyCohorts {
  items: (CohortFacts & { access: Access })[];
  trainer: boolean;
}
export interface Roster {
  total: number;
  items: { userId: string; displayName: string; enrolledAt: string; sessionsAttended: number }[];
}
export interface ProgressData {
  summary: {
    enrolled: number;
    lessons: number;
    passed: number;
    attempted: number;
    averageBestPercent: number | null;
    completedLessons: number;
    sessions: number;
    attendance: number;
  };
  total: number;
  limit: number;
  offset: number;
  items: {
    userId: string;
    displayName: string;
    enrolledAt: string;
    lessonsDone: number;
    attempts: number;
    bestPercent: number | null;
    passed: boolean;
    sessionsAttended: number;
  }[];
}
export interface Attendance {
  session: SessionData & { cohortId: string };
  items: { userId: string; displayName: string; checkedInAt: string; late: boolean }[];
}
export interface SessionQr {
  sessionId: string;
  token: string;
  code: string;
  url: string;
  svg: string;
  rotatesInMs: number;
  rotateEveryMs: number;
}
export interface CheckedIn {
  sessionId: string;
  cohortId: string;
  cohortTitle: string;
  title: string;
  checkedInAt: string;
  late: boolean;
  alreadyCheckedIn: boolean;
}
export interface JoinView extends CohortFacts {
  alreadyEnrolled: boolean;
}

const TAG: Record<Locale, string> = { th: 'th-TH-u-ca-buddhist', zh: 'zh-Hans-CN', en: 'en-GB' };
const DAY = new Map<Locale, Intl.DateTimeFormat>();
const TIME = new Map<Locale, Intl.DateTimeFormat>();
const cached = (m: Map<Locale, Intl.DateTimeFormat>, locale: Locale, opts: Intl.DateTimeFormatOptions) => {
  let f = m.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(TAG[locale], { timeZone: 'Asia/Bangkok', ...opts });
    m.set(locale, f);
  }
  return f;
};
/** A cohort's day ("2026-12-05") in the reader's calendar: Thai in the Buddhist era. */
export const cohortDay = (day: string, locale: Locale) =>
  cached(DAY, locale, { dateStyle: 'medium' }).format(new Date(`${day}T12:00:00+07:00`));
/** A session's time, Bangkok time, with its day. */
export const sessionTime = (iso: string, locale: Locale) =>
  cached(TIME, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
/** Sessions a learner can check in to now: not closed, from 30 minutes before the start to the end. */
export const openForCheckIn = (s: SessionData, now = Date.now()) =>
  !s.closed && Date.parse(s.startsAt) - 30 * 60_000 <= now && now <= Date.parse(s.endsAt);
