/** 0~6岁儿童健康管理 on the web: the five forms rendered from their schemas with the folder's words. */
import type { ProgramUi } from '../program-ui.ts';
import { schemaFormDef } from '../schemaForm.tsx';
import { CHILD_FIELD_WORDS as words } from './fieldWords.ts';
import { GrowthPanel } from './GrowthPanel.tsx';

const tone = (c: string) => (c === 'normal' ? 'good' : c === 'guided' ? null : 'bad');

export const childUi: ProgramUi = {
  program: 'child_health',
  RecordPanel: GrowthPanel,
  services: [
    schemaFormDef({
      type: 'child_newborn_visit',
      title: { zh: '新生儿家庭访视记录表', en: 'Newborn home visit' },
      words,
      initialForm: ({ birthDate, sex }) => ({
        birthDate,
        sex: sex === '1' || sex === '2' ? sex : undefined,
        referral: { code: '1' },
      }),
      resultTone: tone,
    }),
    schemaFormDef({
      type: 'child_check_infant',
      title: { zh: '1岁以内儿童健康检查记录表', en: 'Child check under 1 year' },
      words,
      initialForm: () => ({ referral: { code: '1' } }),
      resultTone: tone,
    }),
    schemaFormDef({
      type: 'child_check_toddler',
      title: { zh: '1~2岁儿童健康检查记录表', en: 'Child check 1–2 years' },
      words,
      initialForm: () => ({ referral: { code: '1' } }),
      resultTone: tone,
    }),
    schemaFormDef({
      type: 'child_check_preschool',
      title: { zh: '3~6岁儿童健康检查记录表', en: 'Child check 3–6 years' },
      words,
      initialForm: () => ({ referral: { code: '1' } }),
      resultTone: tone,
    }),
    schemaFormDef({
      type: 'child_tcm',
      title: { zh: '儿童中医药健康管理服务记录表', en: 'Child TCM health management' },
      words,
      resultTone: tone,
    }),
  ],
};
