/** Columns of the resident list: masked ID number and phone, code values as labels. */
import { Link } from 'react-router';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { pathOf } from '../../app/routeTable.tsx';
import { codeLabel } from '../../i18n/codes.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import type { ResidentListItem } from './residents.api.ts';

export const TAG_COLORS: Record<string, string> = {
  elderly: 'gold',
  child: 'cyan',
  hypertension: 'red',
  diabetes: 'volcano',
  pregnant: 'magenta',
  severe_mental: 'purple',
  tuberculosis: 'orange',
  disability: 'geekblue',
  poverty: 'green',
};

export function residentColumns({ t, lang }: Pick<I18n, 't' | 'lang'>): ColumnsType<ResidentListItem> {
  return [
    {
      key: 'name',
      title: t('col.name'),
      dataIndex: 'name',
      width: 90,
      fixed: 'left',
      render: (name: string, r) => <Link to={pathOf('resident', { id: r.id })}>{name}</Link>,
    },
    {
      key: 'sex',
      title: t('col.sex'),
      dataIndex: 'sex',
      // "Female" on one line in English.
      width: 80,
      render: (v: string) => codeLabel('sex', v, lang),
    },
    {
      key: 'age',
      title: t('col.age'),
      dataIndex: 'age',
      width: 64,
      render: (v: number) => t('common.ageYears', { n: v }),
    },
    { key: 'birthDate', title: t('col.birthDate'), dataIndex: 'birthDate', width: 105 },
    {
      key: 'idNumber',
      title: t('col.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 175,
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'phone',
      title: t('col.phone'),
      dataIndex: 'phoneMasked',
      width: 125,
      render: (v: string | null) => v ?? '—',
    },
    { key: 'recordNumber', title: t('col.recordNumber'), dataIndex: 'recordNumber', width: 165 },
    { key: 'village', title: t('col.village'), dataIndex: 'villageName', width: 100, ellipsis: true },
    {
      key: 'tags',
      title: t('col.tags'),
      dataIndex: 'keyTags',
      render: (tags: string[]) =>
        tags.map((k) => (
          <Tag key={k} color={TAG_COLORS[k]} style={{ marginBottom: 2 }}>
            {codeLabel('keyPopulation', k, lang)}
          </Tag>
        )),
    },
    {
      key: 'status',
      title: t('col.status'),
      dataIndex: 'status',
      width: 75,
      render: (v: string) => (
        <Tag color={v === 'active' ? 'success' : 'default'}>{codeLabel('recordStatus', v, lang)}</Tag>
      ),
    },
  ];
}
