/** 预防接种 on the web: the dose record (vaccine chosen from the child's schedule), contraindications and AEFI. */
import { Select } from 'antd';
import { shippedScheduleFor } from '@jkda/domain/programs/immunization/index';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import type { CustomField } from '../../forms/SchemaFields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ProgramUi } from '../program-ui.ts';
import { schemaFormDef } from '../schemaForm.tsx';
import { IMMUNIZATION_FIELD_WORDS as words } from './fieldWords.ts';
import { VaccinationPanel } from './VaccinationPanel.tsx';

/** The latest shipped schedule's vaccines (the code the server checks against the child's own version). */
const schedule = shippedScheduleFor('2100-01-01');

const VaccineField: CustomField = ({ name, label, readOnly }) => {
  const { lang } = useI18n();
  return (
    <SchemaItem name={name} label={label} required>
      <Select
        showSearch
        optionFilterProp="label"
        disabled={readOnly}
        data-testid="f-vaccine"
        options={(schedule?.vaccines ?? []).map((v) => ({ value: v.code, label: `${v[lang]}（${v.code}）` }))}
      />
    </SchemaItem>
  );
};

export const immunizationUi: ProgramUi = {
  program: 'immunization',
  RecordPanel: VaccinationPanel,
  services: [
    schemaFormDef({
      type: 'immunization_dose',
      title: { zh: '预防接种记录', en: 'Vaccination record' },
      words,
      initialForm: () => ({ source: 'jkda' }),
      custom: { vaccine: VaccineField },
    }),
    schemaFormDef({
      type: 'immunization_contraindication',
      title: { zh: '接种禁忌登记', en: 'Contraindication' },
      words,
      initialForm: () => ({ kind: 'temporary' }),
    }),
    schemaFormDef({
      type: 'immunization_aefi',
      title: { zh: '疑似预防接种异常反应登记', en: 'Adverse event following immunization' },
      words,
      initialForm: () => ({ reported: false, severity: 'non_serious' }),
      resultTone: (c) => (c === 'serious' ? 'bad' : null),
    }),
  ],
};
