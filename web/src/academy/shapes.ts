// The academy API's answers as the learner's pages use them.
export type Answers = Record<string, string | string[]>;
export interface LessonData {
  id: string;
  title: string;
  minutes: number;
  body: string;
  images: { src: string; alt: string }[];
  videoUrl: string | null;
  video: { src: string; type: string; bytes: number } | null;
  files: { name: string; href: string; bytes: number }[];
  done: boolean;
}
export interface CourseData {
  id: string;
  title: string;
  summary: string;
  prerequisites: string[];
  estimatedMinutes: number;
  progress: { done: number; total: number };
  modules: { id: string; title: string; lessons: LessonData[] }[];
  quiz: { id: string; passPercent: number; maxAttempts: number };
}
export interface Status {
  courseId: string;
  signedIn: boolean;
  prerequisites: { id: string; title: string; met: boolean }[];
  locked: boolean;
  passPercent: number;
  maxAttempts: number;
  attemptsUsed: number;
  attemptsLeft: number;
  passed: boolean;
  credentialId: string | null;
  attempts: {
    id: string;
    attemptNo: number;
    scorePercent: number | null;
    passed: boolean | null;
    submittedAt: string | null;
  }[];
}
export interface Question {
  id: string;
  kind: 'single' | 'multiple' | 'true_false' | 'short';
  text: string;
  options: { id: string; text: string }[];
}
export interface StartedAttempt {
  attemptId: string;
  attemptNo: number;
  attemptsLeft: number;
  submitted: boolean;
  questions: Question[];
}
export interface QuizResult {
  attemptId: string;
  scorePercent: number;
  passed: boolean;
  passPercent: number;
  attemptsLeft: number;
  credentialId: string | null;
  results: { questionId: string; correct: boolean; feedback: string }[];
}
export interface CatalogueData {
  signedIn: boolean;
  items: {
    id: string;
    title: string;
    summary: string;
    lessons: number;
    estimatedMinutes: number;
    done: number;
    prerequisites: { id: string; title: string; met: boolean }[];
    locked: boolean;
    credentialId: string | null;
  }[];
}

/** Lesson content names its pictures and files under /academy/; the API serves them under /api. */
export const assetUrl = (href: string) => (href.startsWith('/academy/') ? `/api${href}` : href);
export const lessonsOf = (c: CourseData) => c.modules.flatMap((m) => m.lessons);
