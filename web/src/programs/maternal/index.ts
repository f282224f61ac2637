/** 孕产妇健康管理 on the web: the five forms rendered from their schemas with the folder's words. */
import { ResidentField } from '../../forms/ResidentPicker.tsx';
import type { ProgramUi } from '../program-ui.ts';
import { schemaFormDef } from '../schemaForm.tsx';
import { MATERNAL_FIELD_WORDS as words } from './fieldWords.ts';

const none = { code: '1' };
const abnormal = (c: string) =>
  c === 'abnormal' || c === 'not_recovered' ? 'bad' : c === 'normal' || c === 'recovered' ? 'good' : null;

export const maternalUi: ProgramUi = {
  program: 'maternal',
  services: [
    schemaFormDef({
      type: 'maternal_first_prenatal',
      title: { zh: '第1次产前检查服务记录表', en: 'First prenatal check' },
      words,
      initialForm: () => ({
        referral: none,
        gynaecologicalSurgery: none,
        parity: { vaginal: 0, caesarean: 0 },
      }),
      resultTone: abnormal,
    }),
    schemaFormDef({
      type: 'maternal_prenatal_followup',
      title: { zh: '第2~5次产前随访服务记录表', en: 'Prenatal visit (2nd to 5th)' },
      words,
      initialForm: () => ({ kind: 'examined', referral: none }),
      resultTone: abnormal,
    }),
    schemaFormDef({
      type: 'maternal_postpartum_visit',
      title: { zh: '产后访视记录表', en: 'Postpartum visit' },
      words,
      initialForm: () => ({ kind: 'examined', referral: none }),
      resultTone: abnormal,
    }),
    schemaFormDef({
      type: 'maternal_postpartum_42d',
      title: { zh: '产后42天健康检查记录表', en: '42-day postpartum check' },
      words,
      initialForm: () => ({ kind: 'examined' }),
      resultTone: abnormal,
    }),
    schemaFormDef({
      type: 'maternal_outcome',
      title: { zh: '妊娠结局', en: 'Pregnancy outcome' },
      words,
      initialForm: () => ({ babies: [] }),
      // The baby's own record, once it exists: chosen by a search, the link shows on the mother's record.
      custom: { 'babies.residentId': ResidentField },
    }),
  ],
};
