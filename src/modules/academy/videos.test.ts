import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { operatorSession, signUp } from '../identity/testing.ts';
import { DEMO_COURSE_ID } from './course.ts';

// A small upload limit, so the size refusal needs no large body.
const t = useTestApp({ VIDEO_LIMIT_BYTES: '65536' });
const lessonPath = `/api/academy/courses/${DEMO_COURSE_ID}/lessons/open-shop/video`;

/** The first bytes of an ISO base media (MP4) file, then `n` bytes that stand for the frames. */
function mp4(n: number, fill: number): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1')]);
  return Buffer.concat([ftyp, Buffer.alloc(n, fill)]);
}

const put = (cookie: string, body: Buffer, type = 'video/mp4', lang = 'en') =>
  t.app.inject({
    method: 'PUT',
    url: lessonPath,
    headers: { cookie, 'content-type': type, 'accept-language': lang },
    payload: body,
  });

async function lessonVideo(cookie: string) {
  const course = (await t.app.inject({ url: `/api/academy/courses/${DEMO_COURSE_ID}`, headers: { cookie } })).json();
  return course.modules[0].lessons.find((l: { id: string }) => l.id === 'open-shop').video;
}

describe('lesson videos', () => {
  it('an operator uploads a lesson video that learners then play by byte ranges', async () => {
    const op = await operatorSession(t.app);
    const learner = await signUp(t.app);
    expect(await lessonVideo(learner.cookie)).toBeNull();

    const file = mp4(4000, 7);
    const res = await put(op.cookie, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'video/mp4', bytes: file.length });

    const video = await lessonVideo(learner.cookie);
    expect(video).toMatchObject({ type: 'video/mp4', bytes: file.length });
    const whole = await t.app.inject({ url: video.src });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.equals(file)).toBe(true);

    // What a video player asks for: the first bytes, then the rest from an offset.
    const first = await t.app.inject({ url: video.src, headers: { range: 'bytes=0-99' } });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${file.length}`);
    expect(first.rawPayload.equals(file.subarray(0, 100))).toBe(true);
    const tail = await t.app.inject({ url: video.src, headers: { range: 'bytes=4000-' } });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(file.subarray(4000))).toBe(true);
    const past = await t.app.inject({
      url: video.src,
      headers: { range: `bytes=${file.length + 10}-`, 'accept-language': 'th' },
    });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${file.length}`);
    expect(past.json()).toMatchObject({ code: 'range_not_satisfiable' });
    expect(past.json().detail).toContain('ไบต์');

    // A new upload replaces the video; the old file is gone.
    const webm = Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]),
      Buffer.from('webm'),
      Buffer.alloc(500, 1),
    ]);
    const replaced = await put(op.cookie, webm, 'video/webm');
    expect(replaced.statusCode).toBe(200);
    expect((await lessonVideo(learner.cookie)).type).toBe('video/webm');
    expect((await t.app.inject({ url: video.src })).statusCode).toBe(404);

    const removed = await t.app.inject({ method: 'DELETE', url: lessonPath, headers: { cookie: op.cookie } });
    expect(removed.statusCode).toBe(204);
    expect(await lessonVideo(learner.cookie)).toBeNull();
  });

  it('refuses learners, files that are not videos, oversized videos and unknown lessons, in the user’s language', async () => {
    const op = await operatorSession(t.app);
    const learner = await signUp(t.app);
    expect((await put(learner.cookie, mp4(100, 1))).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: lessonPath,
          headers: { 'content-type': 'video/mp4' },
          payload: mp4(10, 1),
        })
      ).statusCode,
    ).toBe(401);

    // A PDF that calls itself a video is known by its bytes.
    const fake = await put(op.cookie, Buffer.from('%PDF-1.7 not a video'), 'video/mp4', 'zh');
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: 'video_not_supported' });
    expect(fake.json().detail).toContain('MP4');
    expect(fake.json().detail).toMatch(/视频/);

    const big = await put(op.cookie, mp4(70_000, 2));
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');

    const unknown = await t.app.inject({
      method: 'PUT',
      url: `/api/academy/courses/${DEMO_COURSE_ID}/lessons/no-such-lesson/video`,
      headers: { cookie: op.cookie, 'content-type': 'video/mp4' },
      payload: mp4(10, 1),
    });
    expect(unknown.statusCode).toBe(404);
    expect(await lessonVideo(learner.cookie)).toBeNull();
  });
});
