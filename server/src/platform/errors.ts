/** The one error vocabulary of the API: `{ code, message, details: [{ field, code, message }], requestId }`. */
import type { ErrorCode } from '@jkda/domain/messages';

export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details: FieldError[] = [],
    /** Extra machine-readable data for the client (e.g. the existing record's id). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = (): AppError => new AppError(404, 'not_found');
export const forbidden = (): AppError => new AppError(403, 'forbidden');
export const fieldError = (field: string, code: string): AppError =>
  new AppError(400, 'validation_failed', [{ field, code }]);

/**
 * The same error with its fields named inside a part of the body (`records.1.` + `form.sbp`); the fields
 * `shared` name are the body's own (a visit's `serviceDate`) and keep their names.
 */
export const prefixFields = (e: AppError, prefix: string, shared: readonly string[] = []): AppError =>
  e.details.length === 0
    ? e
    : new AppError(
        e.status,
        e.code,
        e.details.map((d) => (shared.includes(d.field) ? d : { ...d, field: prefix + d.field })),
        e.extra,
      );

/** 409 for an edit made on an older version than the stored one. */
export const staleVersion = (current: number, yours: number): AppError =>
  new AppError(409, 'stale_version', [], { currentVersion: current, yourVersion: yours });

/**
 * The stable code of one zod issue: our rules put their code in the message (e.g. 'id_check_digit');
 * a missing value is 'required'; anything else keeps zod's own issue code.
 */
export function issueCode(zodCode: string | undefined, message: string | undefined): string {
  if (message && /^[a-z_]+$/.test(message)) return message;
  if (zodCode === 'invalid_type' && /received undefined/.test(message ?? '')) return 'required';
  return zodCode ?? 'invalid';
}
