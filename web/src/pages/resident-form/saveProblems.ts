/** The 409 answers of a save that the form shows with their own actions (see ProblemAlert). */
import { ApiError } from '../../api/client.ts';
import type { SaveProblem } from './ProblemAlert.tsx';

export function problemOf(e: unknown): SaveProblem | null {
  if (!(e instanceof ApiError) || e.status !== 409) return null;
  const b = e.body;
  switch (e.code) {
    case 'duplicate_id_number':
    case 'duplicate_id_number_elsewhere': {
      // Elsewhere: the institution that holds the record, to ask for a transfer.
      const message = b.institution ? `${b.message}（${b.institution}）` : b.message;
      return { kind: 'duplicate', message, ...(b.existing ? { existing: b.existing } : {}) };
    }
    case 'possible_duplicate':
      return {
        kind: 'possible',
        message: b.message,
        candidates: b.candidates ?? [],
        elsewhere: b.elsewhere ?? 0,
      };
    case 'stale_version':
      return { kind: 'stale', message: b.message, currentVersion: Number(b.currentVersion) };
    default:
      return null;
  }
}
