/**
 * Pinyin of personal names, for search (full pinyin and initials) and ordering (there is no Chinese
 * collation in the database). Surname mode reads the first character as a surname (单 shan, 曾 zeng,
 * 解 xie, 区 ou, 仇 qiu); later characters read normally.
 */
import { pinyin } from 'pinyin-pro';

/** One syllable per Han character and one word per run of Latin letters or digits, lower-case ASCII. */
function syllables(name: string): string[] {
  const text = name.normalize('NFKC').trim();
  if (!text) return [];
  const items = pinyin(text, { type: 'all', mode: 'surname', surname: 'head', toneType: 'none', v: true });
  const out: string[] = [];
  let word = '';
  for (const item of items) {
    if (item.isZh) {
      if (word) out.push(word);
      word = '';
      const syllable = item.pinyin.toLowerCase().replace(/[^a-z]/g, '');
      if (syllable) out.push(syllable);
    } else if (/^[A-Za-z0-9]$/.test(item.origin)) {
      word += item.origin.toLowerCase();
    } else {
      // Spaces, the middle dot of transliterated names and anything else end a word and are dropped.
      if (word) out.push(word);
      word = '';
    }
  }
  if (word) out.push(word);
  return out;
}

/** E.g. 张三 → { full: 'zhangsan', initials: 'zs' }; 吕 → 'lv'. */
export function namePinyin(name: string): { full: string; initials: string } {
  const parts = syllables(name);
  return { full: parts.join(''), initials: parts.map((p) => p[0]).join('') };
}

/**
 * Sort key: the full pinyin with a space after each syllable, so names order syllable by syllable
 * (詹 zhan before 张 zhang, whatever follows) as in a dictionary.
 */
export function pinyinSortKey(name: string): string {
  return syllables(name).join(' ');
}
