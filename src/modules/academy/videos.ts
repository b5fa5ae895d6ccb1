// Lesson videos uploaded by academy operators: an MP4 or WebM file, known by its first bytes (never
// by its name or what the browser says), kept in the public media storage and played from there with
// byte ranges (the media route answers `Range`). One video per lesson; a new upload replaces it.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type MediaStorage, PUBLIC_MEDIA_PREFIX } from '../../platform/storage.ts';
import { courseById, lessonsOf } from './course.ts';
import { isAcademyOperator } from './roles.ts';
import { academyLessonVideos } from './schema.ts';

export const VIDEO_TYPES = { mp4: 'video/mp4', webm: 'video/webm' } as const;
export type VideoExtension = keyof typeof VIDEO_TYPES;

/** MP4 (an ISO base media file: a `ftyp` box first) or WebM (EBML with the `webm` doc type), or null. */
export function videoTypeOf(bytes: Buffer): VideoExtension | null {
  if (bytes.length >= 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3 && bytes.subarray(0, 64).includes('webm', 0, 'latin1'))
    return 'webm';
  return null;
}

export interface LessonVideo {
  src: string;
  type: string;
  bytes: number;
}

/** The uploaded videos of a course's lessons, by lesson id. */
export async function lessonVideosOf(db: Executor, courseId: string): Promise<Map<string, LessonVideo>> {
  const rows = await db.select().from(academyLessonVideos).where(eq(academyLessonVideos.courseId, courseId));
  return new Map(
    rows.map((r) => [r.lessonId, { src: PUBLIC_MEDIA_PREFIX + r.mediaKey, type: r.contentType, bytes: r.bytes }]),
  );
}

/** The uploading operator's user id, once the lesson is known and the actor may manage it. */
async function lessonOrThrow(db: Executor, actor: Actor, courseId: string, lessonId: string): Promise<string> {
  if (actor.kind !== 'user') throw unauthenticated();
  if (!(await isAcademyOperator(db, actor))) throw forbidden();
  const course = courseById(courseId);
  if (!course) throw notFound('course');
  if (!lessonsOf(course).some((l) => l.id === lessonId)) throw notFound('lesson');
  return actor.userId;
}

/**
 * Stores `bytes` as the lesson's video and returns it. The object is written before the row, and the
 * replaced object is removed only after the row points at the new one, so a failure never leaves a
 * lesson pointing at nothing.
 */
export async function putLessonVideo(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  courseId: string,
  lessonId: string,
  bytes: Buffer,
  maxBytes: number,
): Promise<LessonVideo> {
  const uploadedBy = await lessonOrThrow(db, actor, courseId, lessonId);
  const max = Math.max(1, Math.floor(maxBytes / 1024 / 1024));
  if (!bytes.length) throw new AppError(422, 'validation_failed', {}, [{ field: 'video', code: 'required' }]);
  if (bytes.length > maxBytes) throw new AppError(413, 'video_too_large', { max });
  const ext = videoTypeOf(bytes);
  if (!ext) throw new AppError(415, 'video_not_supported', {});
  const key = `academy/videos/${courseId}/${lessonId}/${newId()}.${ext}`;
  await storage.put(key, bytes, VIDEO_TYPES[ext]);
  let old: string | undefined;
  try {
    old = await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ key: academyLessonVideos.mediaKey })
        .from(academyLessonVideos)
        .where(and(eq(academyLessonVideos.courseId, courseId), eq(academyLessonVideos.lessonId, lessonId)))
        .for('update');
      const row = { mediaKey: key, contentType: VIDEO_TYPES[ext], bytes: bytes.length, uploadedBy };
      await tx
        .insert(academyLessonVideos)
        .values({ courseId, lessonId, ...row })
        .onConflictDoUpdate({
          target: [academyLessonVideos.courseId, academyLessonVideos.lessonId],
          set: { ...row, uploadedAt: new Date() },
        });
      return before?.key;
    });
  } catch (err) {
    await storage.delete(key);
    throw err;
  }
  if (old && old !== key) await storage.delete(old);
  return { src: PUBLIC_MEDIA_PREFIX + key, type: VIDEO_TYPES[ext], bytes: bytes.length };
}

async function previousKey(db: Executor, courseId: string, lessonId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ key: academyLessonVideos.mediaKey })
    .from(academyLessonVideos)
    .where(and(eq(academyLessonVideos.courseId, courseId), eq(academyLessonVideos.lessonId, lessonId)));
  return row?.key;
}

/** Removes the lesson's uploaded video (the lesson shows its video link again, if it has one). */
export async function deleteLessonVideo(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  courseId: string,
  lessonId: string,
): Promise<void> {
  await lessonOrThrow(db, actor, courseId, lessonId);
  const key = await previousKey(db, courseId, lessonId);
  if (!key) throw notFound('video');
  await db.delete(academyLessonVideos).where(eq(academyLessonVideos.mediaKey, key));
  await storage.delete(key);
}
