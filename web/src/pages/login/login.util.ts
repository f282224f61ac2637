import type { I18n } from '../../i18n/i18n.tsx';

/** Only paths of this app are followed after sign-in (no //host or absolute URLs). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function formatDuration(seconds: number, t: I18n['t']): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? t('time.minSec', { m, s }) : t('time.sec', { s });
}
