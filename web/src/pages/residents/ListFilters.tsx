/** The filter bar: township/village, sex, age range, key population tag, status, order. */
import { InputNumber, Select, Space, TreeSelect } from 'antd';
import { villagesOf, type Area } from '../../api/places.ts';
import { codeOptions } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SORTS, STATUSES, type ListState } from './listQuery.ts';

interface Props {
  state: ListState;
  areas: Area[] | undefined;
  onChange: (patch: Partial<ListState>) => void;
}

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

export function areaTree(areas: Area[] | undefined): TreeNode[] {
  const townships = (areas ?? []).filter((a) => a.level === 'township');
  const villages = villagesOf(areas);
  const tree: TreeNode[] = townships.map((tw) => ({
    value: tw.code,
    title: tw.name,
    children: villages.filter((v) => v.parentCode === tw.code).map((v) => ({ value: v.code, title: v.name })),
  }));
  const orphans = villages.filter((v) => !townships.some((tw) => tw.code === v.parentCode));
  return [...tree, ...orphans.map((v) => ({ value: v.code, title: v.name }))];
}

export function ListFilters({ state, areas, onChange }: Props) {
  const { t, lang } = useI18n();
  return (
    <Space wrap size={[8, 8]}>
      <TreeSelect
        style={{ width: 200 }}
        allowClear
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder={t('list.area')}
        treeData={areaTree(areas)}
        treeDefaultExpandAll={(areas?.length ?? 0) < 40}
        value={state.area || undefined}
        onChange={(v?: string) => onChange({ area: v ?? '' })}
        data-testid="filter-area"
      />
      <Select
        style={{ width: 110 }}
        allowClear
        placeholder={t('list.sex')}
        options={codeOptions('sex', lang)}
        value={state.sex || undefined}
        onChange={(v?: string) => onChange({ sex: v ?? '' })}
      />
      <Space.Compact>
        <InputNumber
          style={{ width: 100 }}
          min={0}
          max={150}
          placeholder={t('list.ageMin')}
          value={state.ageMin ?? null}
          onChange={(v) => onChange({ ageMin: v ?? undefined })}
        />
        <InputNumber
          style={{ width: 100 }}
          min={0}
          max={150}
          placeholder={t('list.ageMax')}
          value={state.ageMax ?? null}
          onChange={(v) => onChange({ ageMax: v ?? undefined })}
        />
      </Space.Compact>
      <Select
        style={{ width: 170 }}
        allowClear
        placeholder={t('list.tag')}
        options={codeOptions('keyPopulation', lang)}
        value={state.tag || undefined}
        onChange={(v?: string) => onChange({ tag: v ?? '' })}
      />
      <Select
        style={{ width: 110 }}
        options={STATUSES.map((s) => ({
          value: s,
          label:
            s === 'all'
              ? t('list.statusAll')
              : codeOptions('recordStatus', lang).find((o) => o.value === s)?.label,
        }))}
        value={state.status}
        onChange={(v) => onChange({ status: v })}
        aria-label={t('list.status')}
      />
      <Select
        style={{ width: 140 }}
        options={SORTS.map((s) => ({ value: s, label: t(`list.sort.${s}`) }))}
        value={state.sort}
        onChange={(v) => onChange({ sort: v })}
        aria-label={t('list.sort')}
      />
    </Space>
  );
}
