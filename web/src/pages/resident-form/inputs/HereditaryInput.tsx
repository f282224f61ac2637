/** 遗传病史: 无 or 有 with the disease name. */
import { Input, Radio } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';

export interface HereditaryValue {
  has?: boolean;
  name?: string;
}

export function HereditaryInput({
  value,
  onChange,
  id,
}: {
  value?: HereditaryValue;
  onChange?: (v: HereditaryValue) => void;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <div id={id} className="choice-item">
      <Radio.Group
        value={value?.has}
        onChange={(e) => onChange?.(e.target.value ? { has: true, name: value?.name ?? '' } : { has: false })}
        options={[
          { value: false, label: t('common.no') },
          { value: true, label: t('common.yes') },
        ]}
      />
      {value?.has && (
        <Input
          style={{ width: 260 }}
          placeholder={t('form.hereditaryName')}
          maxLength={50}
          value={value.name ?? ''}
          onChange={(e) => onChange?.({ has: true, name: e.target.value })}
        />
      )}
    </div>
  );
}
