/** Masking of personal identifiers for lists, logs and exports. */
import { normalizePhone, parsePhone } from './phone.ts';

/** Keeps the first `head` and last `tail` characters and replaces the rest with '*'. */
function keepEnds(s: string, head: number, tail: number): string {
  if (s.length <= head + tail) return '*'.repeat(s.length);
  return s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/**
 * 18 characters: first 6 (area code) and last 4 kept; 15 digits: first 6 and last 3 kept.
 * Other identifiers (passports, permits): about a quarter kept at each end.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length === 18) return keepEnds(s, 6, 4);
  if (s.length === 15) return keepEnds(s, 6, 3);
  const keep = Math.floor(s.length / 4);
  return keepEnds(s, keep, keep);
}

/** Mobile: 138****5678. Landline: area code and the last 4 digits kept (0551-***4567). */
export function maskPhone(phone: string): string {
  const p = parsePhone(normalizePhone(phone));
  if (!p) return keepEnds(phone.trim(), 0, 4);
  if (p.kind === 'mobile') return keepEnds(p.number, 3, 4);
  const number = keepEnds(p.number, 0, 4);
  return (p.areaCode ? `${p.areaCode}-` : '') + number + (p.extension ? `-${p.extension}` : '');
}
