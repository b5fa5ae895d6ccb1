// Errors are application/problem+json (RFC 9457) with a stable `code`, a `detail` in the
// request's language and, for validation, per-field `errors`.
import { registerMessages, translate, type Locale } from './i18n.ts';

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', { what });
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const invalid = (field: string, code: string, params: Record<string, unknown> = {}) =>
  new AppError(422, 'validation_failed', {}, [{ field, code, params }]);

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; code: string; detail: string }[];
  [extra: string]: unknown;
}

export function toProblem(err: AppError, locale: Locale, instance?: string): Problem {
  const problem: Problem = {
    type: `https://talad.dev/problems/${err.code.replace(/_/g, '-')}`,
    title: translate(err.code, 'en', err.params),
    status: err.status,
    code: err.code,
    detail: translate(err.code, locale, err.params),
  };
  if (instance) problem.instance = instance;
  if (err.fieldErrors.length) {
    problem.errors = err.fieldErrors.map((f) => ({
      field: f.field,
      code: f.code,
      detail: translate(`field.${f.code}`, locale, f.params),
    }));
  }
  return problem;
}

registerMessages({
  not_found: { th: 'ไม่พบข้อมูลที่ต้องการ', zh: '未找到所请求的内容', en: 'The requested resource was not found' },
  forbidden: { th: 'คุณไม่มีสิทธิ์ทำรายการนี้', zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  unauthenticated: { th: 'กรุณาเข้าสู่ระบบก่อน', zh: '请先登录', en: 'Please sign in first' },
  validation_failed: { th: 'ข้อมูลบางช่องไม่ถูกต้อง', zh: '部分字段无效', en: 'Some fields are not valid' },
  internal_error: {
    th: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง',
    zh: '系统出错，请稍后重试',
    en: 'Something went wrong, please try again',
  },
  payload_too_large: { th: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป', zh: '提交的数据过大', en: 'The request body is too large' },
  unsupported_media_type: { th: 'ไม่รองรับชนิดข้อมูลนี้', zh: '不支持此内容类型', en: 'This content type is not supported' },
  uri_too_long: { th: 'ที่อยู่ (URL) ยาวเกินไป', zh: '请求地址过长', en: 'The request URL is too long' },
  headers_too_large: { th: 'ส่วนหัวของคำขอมีขนาดใหญ่เกินไป', zh: '请求头过大', en: 'The request headers are too large' },
  service_unavailable: {
    th: 'ระบบไม่ว่างชั่วคราว กรุณาลองใหม่ในอีกสักครู่',
    zh: '服务暂时不可用，请稍后重试',
    en: 'The service is briefly unavailable, please try again in a moment',
  },
  unknown_reference: {
    th: 'ข้อมูลที่อ้างถึงไม่มีอยู่ในระบบ',
    zh: '所引用的数据不存在',
    en: 'Something this request refers to does not exist',
  },
  conflict: { th: 'ข้อมูลนี้มีอยู่แล้ว', zh: '该数据已存在', en: 'This already exists' },
  bad_request: { th: 'คำขอไม่ถูกต้อง', zh: '请求无效', en: 'The request is malformed' },
  rate_limited: {
    th: 'ทำรายการบ่อยเกินไป กรุณารอสักครู่',
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many attempts, please wait a moment',
  },
  idempotency_key_reused: {
    th: 'Idempotency-Key นี้ถูกใช้กับคำขออื่นแล้ว',
    zh: '此 Idempotency-Key 已用于另一个不同的请求',
    en: 'This Idempotency-Key was already used with a different request',
  },
  idempotency_in_progress: {
    th: 'คำขอเดียวกันกำลังดำเนินการอยู่',
    zh: '相同的请求正在处理中',
    en: 'The same request is still being processed',
  },
  'field.required': { th: 'จำเป็นต้องกรอก', zh: '必填', en: 'is required' },
  'field.too_short': { th: 'สั้นเกินไป (อย่างน้อย {min})', zh: '太短（至少 {min}）', en: 'is too short (at least {min})' },
  'field.too_long': { th: 'ยาวเกินไป (ไม่เกิน {max})', zh: '太长（最多 {max}）', en: 'is too long (at most {max})' },
  'field.too_small': { th: 'ต้องไม่น้อยกว่า {min}', zh: '不能小于 {min}', en: 'must be at least {min}' },
  'field.too_large': { th: 'ต้องไม่มากกว่า {max}', zh: '不能大于 {max}', en: 'must be at most {max}' },
  'field.bad_format': { th: 'รูปแบบไม่ถูกต้อง', zh: '格式不正确', en: 'has the wrong format' },
  'field.bad_type': { th: 'ชนิดข้อมูลไม่ถูกต้อง', zh: '数据类型不正确', en: 'has the wrong type' },
  'field.not_allowed': { th: 'ไม่อนุญาตให้ใช้ค่านี้', zh: '不允许此值', en: 'is not an allowed value' },
  'field.unknown': { th: 'ไม่รู้จักช่องนี้', zh: '未知字段', en: 'is not a known field' },
  'field.invalid': { th: 'ไม่ถูกต้อง', zh: '无效', en: 'is not valid' },
});

/**
 * For something the caller may not see: a refusal of access (401/403) reads as "not found", so ids
 * cannot be probed; any other failure — a database error included — stays what it is.
 */
export async function notFoundIfDenied<T>(work: Promise<T>, what: string): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isAccessRefusal(err) || (err instanceof AppError && err.status === 404)) throw notFound(what);
    throw err;
  }
}

/** Whether an error refuses access (sign in first, or not allowed), as opposed to a failure. */
export const isAccessRefusal = (err: unknown): boolean =>
  err instanceof AppError && (err.status === 401 || err.status === 403);
