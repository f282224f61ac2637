/** 家族史 (father, mother, siblings, children), 遗传病史 and 残疾情况. */
import { useI18n } from '../../i18n/i18n.tsx';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import { HereditaryInput } from './inputs/HereditaryInput.tsx';
import { MultiChoiceInput } from './inputs/MultiChoiceInput.tsx';

const RELATIVES = ['father', 'mother', 'siblings', 'children'] as const;

export function FamilySection() {
  const { t } = useI18n();
  return (
    <>
      {RELATIVES.map((who) => (
        <SchemaItem
          key={who}
          name={['basicInfo', 'familyHistory', who]}
          label={t(`field.basicInfo.familyHistory.${who}`)}
          required
        >
          <MultiChoiceInput table="familyDisease" />
        </SchemaItem>
      ))}
      <SchemaItem
        name={['basicInfo', 'hereditaryDisease']}
        label={t('field.basicInfo.hereditaryDisease')}
        required
      >
        <HereditaryInput />
      </SchemaItem>
      <SchemaItem name={['basicInfo', 'disability']} label={t('field.basicInfo.disability')} required>
        <MultiChoiceInput table="disability" />
      </SchemaItem>
    </>
  );
}
