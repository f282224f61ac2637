/** 生活环境: kitchen exhaust, fuel, drinking water, toilet, livestock pen (one choice each). */
import { Radio } from 'antd';
import type { CodeTableName } from '../../i18n/codes.ts';
import { codeOptions } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SchemaItem } from '../../forms/SchemaItem.tsx';

const ITEMS = [
  ['kitchenExhaust', 'kitchenExhaust'],
  ['fuel', 'fuel'],
  ['drinkingWater', 'drinkingWater'],
  ['toilet', 'toilet'],
  ['livestockPen', 'livestockPen'],
] as const satisfies readonly (readonly [string, CodeTableName])[];

export function EnvironmentSection() {
  const { t, lang } = useI18n();
  return (
    <>
      {ITEMS.map(([field, table]) => (
        <SchemaItem
          key={field}
          name={['basicInfo', 'environment', field]}
          label={t(`field.basicInfo.environment.${field}`)}
          required
        >
          <Radio.Group options={codeOptions(table, lang)} />
        </SchemaItem>
      ))}
    </>
  );
}
