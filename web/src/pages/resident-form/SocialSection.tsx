/** 社会信息: residence type, ethnicity, blood type and RH, education, occupation, marriage, payment. */
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { codeOptions } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import { MultiChoiceInput } from './inputs/MultiChoiceInput.tsx';

export function SocialSection() {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance();
  const ethnicity = Form.useWatch(['basicInfo', 'ethnicity'], form) as string | undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <SchemaItem name={['basicInfo', 'residenceType']} label={t('field.basicInfo.residenceType')} required>
          <Radio.Group options={codeOptions('residenceType', lang)} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem name={['basicInfo', 'ethnicity']} label={t('field.basicInfo.ethnicity')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.choose')}
            options={codeOptions('ethnicity', lang)}
          />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        {ethnicity === '99' && (
          <SchemaItem name={['basicInfo', 'ethnicityOther']} label={t('field.basicInfo.ethnicityOther')}>
            <Input maxLength={20} placeholder={t('form.otherText')} />
          </SchemaItem>
        )}
      </Col>
      <Col xs={24} md={12}>
        <SchemaItem name={['basicInfo', 'bloodType']} label={t('field.basicInfo.bloodType')} required>
          <Radio.Group options={codeOptions('bloodType', lang)} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={12}>
        <SchemaItem name={['basicInfo', 'rh']} label={t('field.basicInfo.rh')} required>
          <Radio.Group options={codeOptions('rh', lang)} />
        </SchemaItem>
      </Col>
      <Col xs={24} md={8}>
        <SchemaItem name={['basicInfo', 'education']} label={t('field.basicInfo.education')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.choose')}
            options={codeOptions('education', lang)}
          />
        </SchemaItem>
      </Col>
      <Col xs={24} md={16}>
        <SchemaItem name={['basicInfo', 'occupation']} label={t('field.basicInfo.occupation')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.choose')}
            options={codeOptions('occupation', lang)}
          />
        </SchemaItem>
      </Col>
      <Col xs={24}>
        <SchemaItem name={['basicInfo', 'maritalStatus']} label={t('field.basicInfo.maritalStatus')} required>
          <Radio.Group options={codeOptions('maritalStatus', lang)} />
        </SchemaItem>
      </Col>
      <Col xs={24}>
        <SchemaItem
          name={['basicInfo', 'paymentMethods']}
          label={t('field.basicInfo.paymentMethods')}
          required
        >
          <MultiChoiceInput table="paymentMethod" />
        </SchemaItem>
      </Col>
    </Row>
  );
}
