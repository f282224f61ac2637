/** 既往史·疾病: chosen diseases, each with its diagnosis month, and a name for 恶性肿瘤/职业病/其他. */
import { Checkbox, DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { codeEntries, codeLabel } from '../../../i18n/codes.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { nextCodes } from './MultiChoiceInput.tsx';

export interface DiseaseValue {
  code?: string;
  diagnosedAt?: string;
  note?: string;
}

interface Props {
  value?: DiseaseValue[];
  onChange?: (v: DiseaseValue[]) => void;
  id?: string;
}

export function DiseasesInput({ value, onChange, id }: Props) {
  const { t, lang } = useI18n();
  const list = value ?? [];
  const entries = codeEntries('pastDisease');
  const codes = list.map((d) => d.code).filter((c): c is string => !!c);
  const setCodes = (next: string[]) => {
    const c = nextCodes('pastDisease', codes, next);
    onChange?.(c.map((code) => list.find((d) => d.code === code) ?? { code }));
  };
  const patch = (code: string, p: Partial<DiseaseValue>) =>
    onChange?.(list.map((d) => (d.code === code ? { ...d, ...p } : d)));
  return (
    <div id={id} className="choice-item">
      <Checkbox.Group
        options={entries.map((e) => ({ value: e.code, label: e[lang] }))}
        value={codes}
        onChange={setCodes}
      />
      {list
        .filter((d) => d.code && d.code !== '1')
        .map((d) => (
          <div key={d.code} className="choice-row" data-testid={`disease-${d.code}`}>
            <span className="choice-row-label">{codeLabel('pastDisease', d.code, lang)}</span>
            <DatePicker
              picker="month"
              placeholder={t('form.diagnosedAt')}
              value={d.diagnosedAt ? dayjs(`${d.diagnosedAt}-01`) : null}
              onChange={(m) => patch(d.code!, { diagnosedAt: m ? m.format('YYYY-MM') : undefined })}
              disabledDate={(m) => m.isAfter(dayjs(), 'month')}
            />
            {entries.find((e) => e.code === d.code)?.needsText && (
              <Input
                style={{ width: 260 }}
                placeholder={t('form.diseaseNote')}
                maxLength={100}
                value={d.note ?? ''}
                onChange={(e) => patch(d.code!, { note: e.target.value })}
              />
            )}
          </div>
        ))}
    </div>
  );
}
