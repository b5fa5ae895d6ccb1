// What the academy's tests share: the right answers to drawn questions, read from the bank in code.
import { demoCourse } from './course.ts';

export const correctAnswers = (ids: string[]): Record<string, string | string[]> =>
  Object.fromEntries(
    ids.map((id) => {
      const q = demoCourse.quiz.bank.find((x) => x.id === id);
      if (!q) throw new Error(`question ${id} not in the bank`);
      return [id, q.kind === 'multiple' ? q.correct : (q.correct[0] as string)];
    }),
  );
