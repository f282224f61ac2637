/**
 * The one HTTP client of the web app: JSON in and out, the session cookie, the CSRF header on every
 * change, the UI language in Accept-Language, and API errors turned into ApiError.
 *
 * `typedApi` takes the paths, parameters, bodies and answers of the generated OpenAPI types (schema.ts,
 * `npm run gen:api`); `api` is the untyped form for routes that declare no response schema yet.
 */
import { acceptLanguage } from '../i18n/lang.ts';
import type { components, paths } from './schema.ts';

/** A schema of the API by its component name, e.g. Schema<'ResidentView'>. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

export type FieldDetail = Schema<'FieldError'>;

/**
 * The error body of the API (its ApiError schema: some codes carry more, e.g. existing, candidates,
 * currentVersion, secondsLeft). The client makes one itself when the server could not be reached
 * ('network') or did not answer JSON; then requestId may be missing.
 */
export type ApiErrorBody = Omit<Schema<'ApiError'>, 'code' | 'requestId'> & {
  code: Schema<'ApiError'>['code'] | 'network';
  requestId?: string;
};

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

/** Untyped calls: the caller names the answer's type. Prefer typedApi for routes with a response schema. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};

// ---- typed calls from the generated OpenAPI types ----

type Method = 'get' | 'post' | 'put';
/** The API paths, as the OpenAPI document writes them (e.g. '/api/residents/{id}'), that have this method. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P][M];

type JsonContent<R> = R extends { content: { 'application/json': infer T } }
  ? T extends null
    ? undefined
    : T
  : never;
/** The JSON answer of an operation when it succeeds (204: undefined). */
export type Answer<O> = O extends { responses: infer R }
  ? JsonContent<R[Extract<keyof R, 200 | 201 | 204>]>
  : never;
/** The answer of `method path`, e.g. AnswerOf<'get', '/api/residents/{id}'>. */
export type AnswerOf<M extends Method, P extends PathWith<M>> = Answer<Operation<P, M>>;

type PathParams<O> = O extends { parameters: { path: infer T } } ? T : never;
type QueryParams<O> = O extends { parameters: { query?: infer T } } ? T : never;
type JsonOfBody<B> = [NonNullable<B>] extends [never]
  ? never
  : NonNullable<B> extends { content: { 'application/json': infer T } }
    ? T
    : never;
type BodyOption<O> = O extends { requestBody: infer B }
  ? [JsonOfBody<B>] extends [never]
    ? { body?: never }
    : { body: JsonOfBody<B> }
  : O extends { requestBody?: infer B }
    ? [JsonOfBody<B>] extends [never]
      ? { body?: never }
      : { body?: JsonOfBody<B> }
    : { body?: never };

/** The JSON body of `method path`, e.g. BodyOf<'post', '/api/residents'>. */
export type BodyOf<M extends Method, P extends PathWith<M>> = NonNullable<
  BodyOption<Operation<P, M>>['body']
>;
/** The query parameters of `method path`. */
export type QueryOf<M extends Method, P extends PathWith<M>> = NonNullable<QueryParams<Operation<P, M>>>;

/** What a call needs: the path parameters and the body when the operation has them, the query, a signal. */
export type CallOptions<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  BodyOption<O> & {
    query?: [QueryParams<O>] extends [never] ? never : QueryParams<O>;
    signal?: AbortSignal;
  };
type CallArgs<O> = object extends CallOptions<O> ? [opts?: CallOptions<O>] : [opts: CallOptions<O>];

/** Fills {params} of an OpenAPI path, e.g. ('/api/residents/{id}', { id: 7 }) → /api/residents/7. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`${path}: no value for {${k}}`);
    return encodeURIComponent(String(v));
  });
}

interface AnyOptions {
  path?: Record<string, string | number>;
  query?: object;
  body?: unknown;
  signal?: AbortSignal;
}

function call<T>(method: string, path: string, o: AnyOptions = {}, defaultBody?: unknown): Promise<T> {
  return request<T>(method, fillPath(path, o.path), {
    query: o.query as Query | undefined,
    body: o.body ?? defaultBody,
    signal: o.signal,
  });
}

/**
 * Calls typed by the server's routes: `typedApi.get('/api/residents/{id}', { path: { id } })` answers a
 * ResidentView, and a wrong path, parameter or body does not compile. Same cookie, CSRF, language,
 * ApiError and 401 handling as `api`.
 */
export const typedApi = {
  get: <P extends PathWith<'get'>>(path: P, ...[o]: CallArgs<Operation<P, 'get'>>) =>
    call<Answer<Operation<P, 'get'>>>('GET', path, o),
  post: <P extends PathWith<'post'>>(path: P, ...[o]: CallArgs<Operation<P, 'post'>>) =>
    call<Answer<Operation<P, 'post'>>>('POST', path, o, {}),
  put: <P extends PathWith<'put'>>(path: P, ...[o]: CallArgs<Operation<P, 'put'>>) =>
    call<Answer<Operation<P, 'put'>>>('PUT', path, o),
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
