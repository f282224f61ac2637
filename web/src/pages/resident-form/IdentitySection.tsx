/** 基本信息: name, sex, ID, birth date, phones, work unit, contact. */
import { Link } from 'react-router';
import { Alert, Col, DatePicker, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { codeOptions } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { dateStringProps, SchemaItem } from '../../forms/SchemaItem.tsx';
import { PhoneInput } from './inputs/PhoneInput.tsx';
import { pathOf } from '../../app/routeTable.tsx';
import type { IdHolder } from './form.api.ts';

/** A record that already has the ID number typed: open it here, or whom to ask for it. */
function IdHolderNotice({ holder }: { holder: IdHolder }) {
  const { t } = useI18n();
  if (holder.status === 'free') return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="id-holder"
      style={{ marginBottom: 16 }}
      title={
        holder.status === 'here'
          ? t('form.idHere', { no: holder.recordNumber })
          : t('form.idElsewhere', { institution: holder.institution || t('form.idElsewhereUnknown') })
      }
      description={
        holder.status === 'here' ? (
          <Link to={pathOf('resident', { id: holder.id })}>{t('form.idOpen')}</Link>
        ) : (
          t('form.idTransfer')
        )
      }
    />
  );
}

export function IdentitySection({
  idFilled,
  idHolder,
}: {
  idFilled: boolean;
  idHolder?: IdHolder | undefined;
}) {
  const { t, lang } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <SchemaItem name={['name']} label={t('field.name')} required>
          <Input maxLength={50} autoComplete="off" />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem name={['idType']} label={t('field.idType')} required>
          <Select options={codeOptions('idType', lang)} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem
          name={['idNumber']}
          label={t('field.idNumber')}
          required
          normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
          extra={idFilled ? <span data-testid="id-filled">{t('form.idFilled')}</span> : undefined}
        >
          <Input maxLength={30} autoComplete="off" />
        </SchemaItem>
      </Col>
      {idHolder && idHolder.status !== 'free' && (
        <Col span={24}>
          <IdHolderNotice holder={idHolder} />
        </Col>
      )}
      <Col xs={24} md={8}>
        <SchemaItem
          name={['birthDate']}
          label={t('field.birthDate')}
          required
          dependencies={[['idNumber']]}
          {...dateStringProps}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={16}>
        <SchemaItem name={['sex']} label={t('field.sex')} required dependencies={[['idNumber']]}>
          <Radio.Group options={codeOptions('sex', lang)} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem name={['phone']} label={t('field.phone')}>
          <PhoneInput />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem name={['basicInfo', 'workUnit']} label={t('field.basicInfo.workUnit')}>
          <Input maxLength={100} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem name={['basicInfo', 'contactName']} label={t('field.basicInfo.contactName')}>
          <Input maxLength={50} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem name={['basicInfo', 'contactPhone']} label={t('field.basicInfo.contactPhone')}>
          <PhoneInput />
        </SchemaItem>
      </Col>
    </Row>
  );
}
