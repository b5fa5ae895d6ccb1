// A small client for the JSON API: the same calls run in the browser (fetch) and on the server
// (an in-process request with the visitor's cookies), so a page's loader is written once.
import type { ApiCall, Locale } from '../ssr-contract.ts';

export interface FieldProblem {
  field: string;
  code: string;
  detail: string;
}
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.code);
  }
  /** The messages for one field ("address.postcode"), in the page's language. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] = out[e.field] ? `${out[e.field]}; ${e.detail}` : e.detail;
    return out;
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
}

export function createApi(call: ApiCall): Api {
  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const res = await call(method, path, body, headers);
    if (res.status >= 400) {
      const p = (res.body && typeof res.body === 'object' ? res.body : {}) as Partial<Problem>;
      throw new ApiError(res.status, {
        status: res.status,
        code: p.code ?? 'http_error',
        detail: p.detail ?? String(res.status),
        errors: p.errors,
      });
    }
    return res.body as T;
  }
  return {
    get: (path) => request('GET', path),
    send: (method, path, body, headers) => request(method, path, body, headers),
  };
}

/** The browser's way to call the API: same origin, cookies included, problems in the page's language. */
export function browserApiCall(locale: Locale): ApiCall {
  return async (method, path, body, headers = {}) => {
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': locale, ...headers },
    };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await fetch(`/api${path}`, init);
    } catch {
      return { status: 503, body: { code: 'network_error', detail: '' } };
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { code: 'bad_response', detail: text.slice(0, 200) };
    }
    return { status: res.status, body: parsed };
  };
}

/**
 * Sends a multipart form or a file (an upload) from the browser: the browser sets the boundary or
 * the file's type; a refusal comes back as an ApiError like any other call's, in the page's language.
 */
export async function sendForm<T>(path: string, body: FormData | Blob, locale: Locale, method = 'POST'): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': locale },
    });
  } catch {
    throw new ApiError(503, { status: 503, code: 'network_error', detail: '' });
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError(res.status, {
      status: res.status,
      code: json.code ?? 'http_error',
      detail: json.detail ?? String(res.status),
      errors: json.errors,
    });
  return json as T;
}

export const query = (params: Record<string, string | number | null | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};
