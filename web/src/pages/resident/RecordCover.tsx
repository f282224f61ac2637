/** The cover of the record (封面) in read mode. */
import { Link } from 'react-router';
import { Descriptions, Tag } from 'antd';
import { pathOf } from '../../app/routeTable.tsx';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paren } from '../../record/format.ts';
import type { ResidentView } from '../../record/types.ts';
import { TAG_COLORS } from '../residents/columns.tsx';

export function RecordCover({ r }: { r: ResidentView }) {
  const { t, lang } = useI18n();
  const household = r.householdId ? (
    <Link to={pathOf('household', { id: r.householdId })} data-testid="household-link">
      {t('record.householdLink', {
        id: r.householdId,
        relation: codeLabel('relationToHead', r.relationToHead, lang) || '—',
      })}
    </Link>
  ) : (
    t('record.noHousehold')
  );
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      title={t('record.cover')}
      items={[
        { key: 'name', label: t('field.name'), children: r.name },
        { key: 'recordNumber', label: t('col.recordNumber'), children: r.recordNumber },
        { key: 'sex', label: t('field.sex'), children: codeLabel('sex', r.sex, lang) },
        {
          key: 'birthDate',
          label: t('field.birthDate'),
          children: r.birthDate + paren(t('common.ageYears', { n: r.age }), lang),
        },
        { key: 'idType', label: t('field.idType'), children: codeLabel('idType', r.idType, lang) },
        { key: 'idNumber', label: t('field.idNumber'), children: r.idNumber ?? '—' },
        { key: 'phone', label: t('field.phone'), children: r.phone ?? '—' },
        { key: 'township', label: t('record.township'), children: r.townshipName },
        { key: 'village', label: t('field.villageCode'), children: r.villageName },
        {
          key: 'currentAddress',
          label: t('field.currentAddress'),
          children: r.currentAddress ?? '—',
          span: 'filled' as const,
        },
        {
          key: 'registeredAddress',
          label: t('field.registeredAddress'),
          children: r.registeredAddress ?? '—',
          span: 'filled' as const,
        },
        { key: 'household', label: t('record.household'), children: household },
        { key: 'institution', label: t('record.institution'), children: r.institution?.name ?? '—' },
        { key: 'createdBy', label: t('record.createdBy'), children: r.createdBy?.name ?? '—' },
        { key: 'doctor', label: t('field.responsibleDoctorId'), children: r.responsibleDoctor?.name ?? '—' },
        { key: 'recordDate', label: t('field.recordDate'), children: r.recordDate },
        {
          key: 'tags',
          label: t('record.keyTags'),
          children: r.keyTags.length
            ? r.keyTags.map((k) => (
                <Tag key={k} color={TAG_COLORS[k]}>
                  {codeLabel('keyPopulation', k, lang)}
                </Tag>
              ))
            : '—',
        },
      ]}
    />
  );
}
