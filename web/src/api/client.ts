/**
 * The one HTTP client of the web app: JSON in and out, the session cookie, the CSRF header on every
 * change, the UI language in Accept-Language, and API errors turned into ApiError.
 */
import { acceptLanguage } from '../i18n/lang.ts';

export interface FieldDetail {
  field: string;
  code: string;
  message: string;
}

/** The error body of the API; some errors carry more (existing, candidates, currentVersion, secondsLeft). */
export interface ApiErrorBody {
  code: string;
  message: string;
  details: FieldDetail[];
  requestId?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message || body.code);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.body.code;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let onUnauthorized: ((code: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API answers 401 to a signed-in request (the session expired or was revoked). */
export function setUnauthorizedHandler(fn: ((code: string) => void) | null): void {
  onUnauthorized = fn;
}

function csrf(): string | null {
  if (csrfToken) return csrfToken;
  const m = /(?:^|;\s*)jkda_csrf=([^;]*)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage() };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrf();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network', message: '', details: [] });
  }
  if (res.ok) return res;
  const body = await errorBody(res);
  // A signed-in request answered 401: the session expired or was revoked. (The sign-in routes
  // themselves answer 401 for a wrong password or when nobody is signed in yet.)
  if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.(body.code);
  throw new ApiError(res.status, body);
}

async function errorBody(res: Response): Promise<ApiErrorBody> {
  try {
    const b = (await res.json()) as Partial<ApiErrorBody>;
    if (typeof b.code === 'string')
      return { ...b, code: b.code, message: b.message ?? '', details: b.details ?? [] };
  } catch {
    // Not JSON (a proxy's error page): fall through.
  }
  const code =
    res.status >= 500
      ? res.status === 502 || res.status === 503
        ? 'unavailable'
        : 'internal'
      : 'bad_request';
  return { code, message: '', details: [], requestId: res.headers.get('x-request-id') ?? undefined };
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

/** Downloads a file answered by a GET (e.g. an Excel export) and saves it under its given name. */
export async function download(path: string, query: Query, fallbackName: string): Promise<string> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd);
  const name = m ? decodeURIComponent(m[1] ?? m[2] ?? fallbackName) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
