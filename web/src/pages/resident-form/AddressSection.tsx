/** 住址与建档: village, addresses, responsible doctor, record date, hand-set key population tags. */
import { Checkbox, Col, DatePicker, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { MANUAL_KEY_TAGS } from '@jkda/domain/resident.schema';
import { villagesOf, type Area, type Doctor } from '../../api/places.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { dateStringProps, SchemaItem } from '../../forms/SchemaItem.tsx';

export function AddressSection({
  areas,
  doctors,
}: {
  areas: Area[] | undefined;
  doctors: Doctor[] | undefined;
}) {
  const { t, lang } = useI18n();
  const townshipName = (code: string | null) => areas?.find((a) => a.code === code)?.name ?? '';
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <SchemaItem name={['villageCode']} label={t('field.villageCode')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('form.villagePlaceholder')}
            loading={!areas}
            options={villagesOf(areas).map((v) => ({
              value: v.code,
              label: `${townshipName(v.parentCode)} ${v.name}`.trim(),
            }))}
          />
        </SchemaItem>
      </Col>
      <Col xs={24} md={16}>
        <SchemaItem name={['currentAddress']} label={t('field.currentAddress')} required>
          <Input maxLength={200} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem name={['responsibleDoctorId']} label={t('field.responsibleDoctorId')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('form.doctorPlaceholder')}
            loading={!doctors}
            options={(doctors ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </SchemaItem>
      </Col>
      <Col xs={24} md={16}>
        <SchemaItem name={['registeredAddress']} label={t('field.registeredAddress')}>
          <Input maxLength={200} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem
          name={['recordDate']}
          label={t('field.recordDate')}
          dependencies={[['birthDate']]}
          {...dateStringProps}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={16}>
        <SchemaItem name={['manualTags']} label={t('field.manualTags')}>
          <Checkbox.Group
            options={MANUAL_KEY_TAGS.map((k) => ({ value: k, label: codeLabel('keyPopulation', k, lang) }))}
          />
        </SchemaItem>
      </Col>
    </Row>
  );
}
