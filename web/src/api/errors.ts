/**
 * The one place that turns API errors into what the user reads: a kind (to choose how to show it),
 * a title, a message in the UI language, the request id to quote, and the field errors of a form.
 */
import { errorMessage } from '@jkda/domain/messages';
import type { Lang } from '../i18n/lang.ts';
import { translate } from '../i18n/messages.ts';
import { ApiError } from './client.ts';

export type ErrorKind =
  | 'network'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'locked'
  | 'server'
  | 'other';

export interface DescribedError {
  kind: ErrorKind;
  title: string;
  message: string;
  /** Shown for server errors so the user can quote it to an administrator. */
  requestId?: string;
}

function kindOf(e: ApiError): ErrorKind {
  if (e.status === 0) return 'network';
  if (e.status === 401) return 'unauthenticated';
  if (e.status === 403) return 'forbidden';
  if (e.status === 404) return 'not_found';
  if (e.status === 409) return 'conflict';
  if (e.status === 423) return 'locked';
  if (e.status === 400) return 'validation';
  if (e.status >= 500) return 'server';
  return 'other';
}

export function describeError(err: unknown, lang: Lang): DescribedError {
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => translate(lang, k, v);
  if (!(err instanceof ApiError)) {
    return { kind: 'server', title: t('error.serverTitle'), message: errorMessage('internal', lang) };
  }
  const kind = kindOf(err);
  const serverText = err.body.message || errorMessage(err.code, lang);
  switch (kind) {
    case 'network':
      return { kind, title: t('error.networkTitle'), message: t('error.network') };
    case 'not_found':
      return {
        kind,
        title: t('error.notFoundTitle'),
        message: err.code === 'not_found' ? t('error.notFound') : serverText,
      };
    case 'forbidden':
      return { kind, title: t('error.forbiddenTitle'), message: serverText };
    case 'server': {
      const requestId = err.body.requestId;
      const quote = requestId ? ` ${t('error.quoteRequestId', { id: requestId })}` : '';
      return {
        kind,
        title: t('error.serverTitle'),
        message: serverText + quote,
        ...(requestId ? { requestId } : {}),
      };
    }
    case 'unauthenticated':
    case 'validation':
    case 'conflict':
    case 'locked':
    case 'other':
      return { kind, title: serverText, message: serverText };
  }
}

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/** Field errors of a 400 or 409 answer, grouped by field, as Ant Design's form.setFields takes them. */
export function fieldErrorsOf(err: unknown): FormFieldError[] {
  if (!(err instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const d of err.body.details) {
    if (!d.field) continue;
    byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
  }
  return [...byField].map(([field, errors]) => ({
    name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors,
  }));
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
