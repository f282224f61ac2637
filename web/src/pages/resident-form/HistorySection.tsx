/** 药物过敏史, 暴露史 and 既往史 (diseases, surgeries, injuries, transfusions). */
import { useI18n } from '../../i18n/i18n.tsx';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import { DiseasesInput } from './inputs/DiseasesInput.tsx';
import { EventHistoryInput } from './inputs/EventHistoryInput.tsx';
import { MultiChoiceInput } from './inputs/MultiChoiceInput.tsx';

export function HistorySection() {
  const { t } = useI18n();
  return (
    <>
      <SchemaItem name={['basicInfo', 'drugAllergy']} label={t('field.basicInfo.drugAllergy')} required>
        <MultiChoiceInput table="drugAllergy" />
      </SchemaItem>
      <SchemaItem name={['basicInfo', 'exposure']} label={t('field.basicInfo.exposure')} required>
        <MultiChoiceInput table="exposure" />
      </SchemaItem>
      <SchemaItem name={['basicInfo', 'diseases']} label={t('field.basicInfo.diseases')} required>
        <DiseasesInput />
      </SchemaItem>
      <SchemaItem name={['basicInfo', 'surgeries']} label={t('field.basicInfo.surgeries')} required>
        <EventHistoryInput />
      </SchemaItem>
      <SchemaItem name={['basicInfo', 'traumas']} label={t('field.basicInfo.traumas')} required>
        <EventHistoryInput />
      </SchemaItem>
      <SchemaItem name={['basicInfo', 'transfusions']} label={t('field.basicInfo.transfusions')} required>
        <EventHistoryInput />
      </SchemaItem>
    </>
  );
}
