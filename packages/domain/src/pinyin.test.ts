import { describe, it, expect } from 'vitest';
import { namePinyin, pinyinSortKey } from './pinyin.ts';

describe('namePinyin', () => {
  it.each([
    ['张三', 'zhangsan', 'zs'],
    ['李四', 'lisi', 'ls'],
    ['欧阳锋', 'ouyangfeng', 'oyf'],
  ])('%s → %s / %s', (name, full, initials) => {
    expect(namePinyin(name)).toEqual({ full, initials });
  });

  it.each([
    ['曾小明', 'zengxiaoming', 'zxm'],
    ['单田芳', 'shantianfang', 'stf'],
    ['解缙', 'xiejin', 'xj'],
    ['区志强', 'ouzhiqiang', 'ozq'],
    ['仇英', 'qiuying', 'qy'],
  ])('reads the polyphonic surname of %s as %s', (name, full, initials) => {
    expect(namePinyin(name)).toEqual({ full, initials });
  });

  it('reads only the first character as a surname', () => {
    expect(namePinyin('王单').full).toBe('wangdan');
  });

  it('writes ü as v', () => {
    expect(namePinyin('吕女')).toEqual({ full: 'lvnv', initials: 'ln' });
  });

  it('keeps Latin letters lower-case and drops spaces and dots', () => {
    expect(namePinyin('李A明')).toEqual({ full: 'liaming', initials: 'lam' });
    expect(namePinyin(' 张 三 ')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(namePinyin('Anna张')).toEqual({ full: 'annazhang', initials: 'az' });
    expect(namePinyin('John Smith')).toEqual({ full: 'johnsmith', initials: 'js' });
    expect(namePinyin('阿依古丽·买买提')).toEqual({ full: 'ayigulimaimaiti', initials: 'aygl' + 'mmt' });
    expect(namePinyin('ＡＢ')).toEqual({ full: 'ab', initials: 'a' });
  });

  it('returns only lower-case ASCII letters', () => {
    for (const name of ['曾小明', '吕布', '绿绿', 'Anna张', '阿依古丽·买买提']) {
      const { full, initials } = namePinyin(name);
      expect(full).toMatch(/^[a-z]+$/);
      expect(initials).toMatch(/^[a-z]+$/);
    }
  });

  it('handles an empty name', () => {
    expect(namePinyin('')).toEqual({ full: '', initials: '' });
    expect(namePinyin('  ')).toEqual({ full: '', initials: '' });
  });
});

describe('pinyinSortKey', () => {
  it('is the full pinyin with syllables separated', () => {
    expect(pinyinSortKey('张三')).toBe('zhang san');
    expect(pinyinSortKey('曾小明')).toBe('zeng xiao ming');
  });

  it('orders names syllable by syllable', () => {
    const names = ['张三', '詹谷', '阿明', '曾小明', '单田芳', '李四'];
    const sorted = [...names].sort((a, b) => (pinyinSortKey(a) < pinyinSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['阿明', '李四', '单田芳', '曾小明', '詹谷', '张三']);
  });
});
