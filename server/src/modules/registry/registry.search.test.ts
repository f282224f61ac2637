import { describe, expect, it } from 'vitest';
import { likePrefix, parseSearchText } from './registry.search.ts';

describe('understanding the search box', () => {
  it.each([
    ['340102199001011234', 'id_number', '340102199001011234'],
    ['34010219900101123x', 'id_number', '34010219900101123X'],
    ['610104620927690', 'id_number', '610104196209276908'],
    ['34152410020100001', 'record_number', '34152410020100001'],
    ['13912345678', 'phone', '13912345678'],
    ['1234', 'digits_suffix', '1234'],
    ['01234567', 'digits_suffix', '01234567'],
    ['zs', 'initials', 'zs'],
    ['LXM', 'initials', 'lxm'],
    ['zhang', 'pinyin', 'zhang'],
    ['zhangs', 'pinyin', 'zhangs'],
    ['张三', 'name', '张三'],
    [' 张 三 ', 'name', '张三'],
    ['', 'empty', ''],
  ])('%s → %s', (q, kind, value) => {
    expect(parseSearchText(q)).toEqual({ kind, value });
  });
  it('escapes LIKE wildcards typed by the user', () => {
    expect(likePrefix('a%b_c\\')).toBe('a\\%b\\_c\\\\%');
  });
});
