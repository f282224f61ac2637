/** 预防接种 on the web: the dose record (vaccine chosen from the child's schedule), contraindications and AEFI. */
import { Select } from 'antd';
import { LATEST_SCHEDULE as schedule } from '@jkda/domain/programs/immunization/index';
import {
  IMMUNIZATION_REGISTER,
  IMMUNIZATION_TYPES,
} from '@jkda/domain/programs/immunization/immunization.program';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import type { CustomField } from '../../forms/SchemaFields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ProgramUi } from '../program-ui.ts';
import { schemaFormDef } from '../schemaForm.tsx';
import { IMMUNIZATION_FIELD_WORDS as words } from './fieldWords.ts';
import { VaccinationPanel } from './VaccinationPanel.tsx';

const VaccineField: CustomField = ({ name, rulePath, label, readOnly }) => {
  const { lang } = useI18n();
  return (
    <SchemaItem name={name} rulePath={rulePath} label={label} required>
      <Select
        showSearch
        optionFilterProp="label"
        disabled={readOnly}
        data-testid="f-vaccine"
        options={schedule.vaccines.map((v) => ({ value: v.code, label: `${v[lang]}（${v.code}）` }))}
      />
    </SchemaItem>
  );
};

export const immunizationUi: ProgramUi = {
  program: IMMUNIZATION_REGISTER,
  RecordPanel: VaccinationPanel,
  services: [
    schemaFormDef({
      type: IMMUNIZATION_TYPES.vaccination,
      title: { zh: '预防接种记录', en: 'Vaccination record' },
      words,
      initialForm: () => ({ source: 'jkda' }),
      custom: { vaccine: VaccineField },
    }),
    schemaFormDef({
      type: IMMUNIZATION_TYPES.contraindication,
      title: { zh: '接种禁忌登记', en: 'Contraindication' },
      words,
      initialForm: () => ({ kind: 'temporary' }),
    }),
    schemaFormDef({
      type: IMMUNIZATION_TYPES.aefi,
      title: { zh: '疑似预防接种异常反应登记', en: 'Adverse event following immunization' },
      words,
      initialForm: () => ({ reported: false, severity: 'non_serious' }),
      resultTone: (c) => (c === 'serious' ? 'bad' : null),
    }),
  ],
};
