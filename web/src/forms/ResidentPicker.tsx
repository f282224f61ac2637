/**
 * Choosing another resident's record by a search as one types (name, pinyin initials or ID number): the
 * search hook (a household's new member), and a select whose value is the record's id (the baby of a
 * pregnancy outcome). Only records the user may see are found: the server scopes the search.
 */
import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { typedApi, type Schema } from '../api/client.ts';
import { codeLabel } from '../i18n/codes.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Lang } from '../i18n/lang.ts';
import type { CustomField } from './SchemaFields.tsx';
import { SchemaItem } from './SchemaItem.tsx';

export type ResidentHit = Schema<'ResidentListItem'>;

/** The records matching `q` (after a pause in typing), at most 10. */
export function useResidentSearch(q: string, enabled = true) {
  const [hits, setHits] = useState<ResidentHit[]>([]);
  const [searching, setSearching] = useState(false);
  useEffect(() => {
    if (!enabled || q.trim().length < 1) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      typedApi.get('/api/residents', { query: { q: q.trim(), pageSize: 10 }, signal: ctrl.signal }).then(
        (r) => {
          setHits(r.items);
          setSearching(false);
        },
        () => !ctrl.signal.aborted && setSearching(false),
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, enabled]);
  return { hits, searching };
}

/** A match as one line: name · sex · birth date · masked ID number · village. */
export const hitLabel = (h: ResidentHit, lang: Lang): string =>
  [h.name, codeLabel('sex', h.sex, lang), h.birthDate, h.idNumberMasked ?? '', h.villageName]
    .filter(Boolean)
    .join(' · ');

interface PickerProps {
  value?: number;
  onChange?: (id: number | undefined) => void;
  disabled?: boolean;
  testId?: string;
}

/** A select of a resident record by search; a value chosen earlier shows the record's name once read. */
export function ResidentPicker({ value, onChange, disabled, testId }: PickerProps) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const { hits, searching } = useResidentSearch(q);
  const [known, setKnown] = useState<{ id: number; label: string } | null>(null);
  useEffect(() => {
    if (value === undefined || hits.some((h) => h.id === value) || known?.id === value) return;
    const ctrl = new AbortController();
    typedApi.get('/api/residents/{id}', { path: { id: value }, signal: ctrl.signal }).then(
      (r) => setKnown({ id: value, label: `${r.name} · ${r.birthDate}` }),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [value, hits, known]);
  const options = hits.map((h) => ({ value: h.id, label: hitLabel(h, lang) }));
  if (value !== undefined && !hits.some((h) => h.id === value))
    options.unshift({ value, label: known?.id === value ? known.label : `#${value}` });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('hh.residentSearch')}
      notFoundContent={searching ? <Spin size="small" /> : null}
      options={options}
      value={value}
      onChange={(v: number | undefined) => onChange?.(v ?? undefined)}
      disabled={disabled}
      data-testid={testId}
    />
  );
}

/** A schema field holding a resident id, chosen with the picker. */
export const ResidentField: CustomField = ({ name, rulePath, path, label, readOnly }) => (
  <SchemaItem name={name} rulePath={rulePath} label={label}>
    <ResidentPicker disabled={readOnly} testId={`f-${path}`} />
  </SchemaItem>
);
