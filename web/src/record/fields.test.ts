import { describe, expect, it } from 'vitest';
import { translate, type MsgKey, type Vars } from '../i18n/messages.ts';
import { fieldLabel } from './fields.ts';

const zh = (key: MsgKey, vars?: Vars) => translate('zh', key, vars);
const en = (key: MsgKey, vars?: Vars) => translate('en', key, vars);

describe('fieldLabel', () => {
  it.each([
    // The audit rows name the basic information as a whole; the history names its parts.
    ['basicInfo', zh, '基本信息'],
    ['basicInfo', en, 'Basic information'],
    ['basicInfo.ethnicity', zh, '民族'],
    ['basicInfo.drugAllergy.codes', zh, '药物过敏史'],
    ['name', zh, '姓名'],
    ['phone', en, translate('en', 'field.phone')],
    // A path with no words stays as it is rather than vanish.
    ['noSuchField', zh, 'noSuchField'],
  ])('%s', (path, t, expected) => {
    expect(fieldLabel(path, t)).toBe(expected);
  });
});
