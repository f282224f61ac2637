/** Masking of personal identifiers for lists, logs and exports. */
import { normalizePhone, parsePhone } from './phone.ts';

/** Keeps the first `head` and last `tail` characters and replaces the rest with '*'. */
function keepEnds(s: string, head: number, tail: number): string {
  if (s.length <= head + tail) return '*'.repeat(s.length);
  return s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/**
 * The one masking policy of lists, worklists, exports and prints: nothing shown together rebuilds a value.
 * An ID number's digits 7–14 are the birth date, which every list shows beside it, and the county is its
 * area code: so an 18-digit number keeps only the area code and the check digit (341524***********X: about
 * 90 numbers fit it and the birth date), a 15-digit one only the area code. Other identifiers (passports,
 * permits): about a quarter kept at each end. The full value is on the record itself, audited.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length === 18) return keepEnds(s, 6, 1);
  if (s.length === 15) return keepEnds(s, 6, 0);
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

/**
 * An address as lists show it: the place down to the villagers' group (…村一组), without the house number;
 * an address without a group keeps its first 8 characters.
 */
export function maskAddress(address: string): string {
  const s = address.trim();
  const group = /^(.*?(组|队))/u.exec(s);
  const kept = group ? group[1]! : [...s].slice(0, 8).join('');
  return kept.length < s.length ? `${kept}***` : kept;
}
