/**
 * A multiple-choice item of the form (codes plus free text for 其他). Choosing the exclusive choice
 * (无) clears the others, and choosing another clears 无, as on the paper form.
 */
import { Checkbox, Input } from 'antd';
import { codeEntries, type CodeTableName } from '../../../i18n/codes.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export interface MultiValue {
  codes?: string[];
  other?: string;
}

/** The next codes after a change, keeping the exclusive choice alone. */
export function nextCodes(table: CodeTableName, before: string[], after: string[]): string[] {
  const exclusive = codeEntries(table).find((e) => e.exclusive)?.code;
  if (!exclusive) return after;
  const added = after.filter((c) => !before.includes(c));
  if (added.includes(exclusive)) return [exclusive];
  if (added.length) return after.filter((c) => c !== exclusive);
  return after;
}

interface Props {
  table: CodeTableName;
  value?: MultiValue;
  onChange?: (v: MultiValue) => void;
  id?: string;
}

export function MultiChoiceInput({ table, value, onChange, id }: Props) {
  const { t, lang } = useI18n();
  const codes = value?.codes ?? [];
  // A retired code is shown only on a record that already has it.
  const entries = codeEntries(table).filter((e) => !e.retired || codes.includes(e.code));
  const needsText = codes.some((c) => entries.find((e) => e.code === c)?.needsText);
  const emit = (v: MultiValue) =>
    onChange?.(v.other === undefined || v.other === '' ? { codes: v.codes ?? [] } : v);
  return (
    <div id={id} className="choice-item">
      <Checkbox.Group
        options={entries.map((e) => ({ value: e.code, label: e[lang] }))}
        value={codes}
        onChange={(next) => {
          const c = nextCodes(table, codes, next);
          const keepText = c.some((x) => entries.find((e) => e.code === x)?.needsText);
          emit({ codes: c, ...(keepText && value?.other ? { other: value.other } : {}) });
        }}
      />
      {needsText && (
        <Input
          className="choice-other"
          placeholder={t('form.otherText')}
          maxLength={100}
          value={value?.other ?? ''}
          onChange={(e) => emit({ codes, other: e.target.value })}
        />
      )}
    </div>
  );
}
