/** 接诊记录表 (SOAP), 会诊记录表, and the two halves of the 双向转诊单 (general-forms.schema.ts). */
import { Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { NOTE_MAX, programRegistry } from '@jkda/domain';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { dropEmpty, TextItem } from '../../pages/services/formBits.tsx';
import type { ServiceFormDef } from '../program-ui.ts';
import { useServicePage } from '../../pages/services/serviceContext.ts';

const same = (v: Record<string, unknown>) => ({ ...v });

function EncounterFields() {
  return (
    <>
      <TextItem name="subjective" label="svc.enc.subjective" rows={3} max={NOTE_MAX} required />
      <TextItem name="objective" label="svc.enc.objective" rows={3} max={NOTE_MAX} required />
      <TextItem name="assessment" label="svc.enc.assessment" rows={3} max={NOTE_MAX} required />
      <TextItem name="plan" label="svc.enc.plan" rows={3} max={NOTE_MAX} required />
      <TextItem name="healthPrescription" label="svc.enc.healthPrescription" rows={2} max={NOTE_MAX} />
    </>
  );
}

export const encounterDef: ServiceFormDef = {
  type: 'encounter',
  title: { zh: '接诊记录表', en: 'Encounter record' },
  initialForm: () => ({}),
  toPayload: dropEmpty,
  fromStored: same,
  Fields: EncounterFields,
  labelPrefixes: ['svc.enc.'],
};

type Consultant = { doctor?: string; institution?: string };

function ConsultationFields({ readOnly }: { readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <TextItem name="reason" label="svc.con.reason" rows={3} max={NOTE_MAX} required />
      <TextItem name="opinion" label="svc.con.opinion" rows={3} max={NOTE_MAX} required />
      <Typography.Text strong>{t('svc.con.consultants')}</Typography.Text>
      <Form.List name={['form', 'consultants']}>
        {(fields, { add, remove }) => (
          <div data-testid="consultants" style={{ marginTop: 8 }}>
            {fields.map((f, i) => (
              <Row gutter={8} key={f.key} align="top">
                <Col span={1} style={{ paddingTop: 5 }}>
                  {i + 1}.
                </Col>
                <Col span={9}>
                  <SchemaItem name={['form', 'consultants', f.name, 'doctor']}>
                    <Input placeholder={t('svc.con.doctor')} maxLength={50} />
                  </SchemaItem>
                </Col>
                <Col span={11}>
                  <SchemaItem name={['form', 'consultants', f.name, 'institution']}>
                    <Input placeholder={t('svc.con.institution')} maxLength={100} />
                  </SchemaItem>
                </Col>
                <Col span={3}>
                  {!readOnly && fields.length > 1 && (
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                  )}
                </Col>
              </Row>
            ))}
            {!readOnly && fields.length < 5 && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ doctor: '', institution: '' })}
                style={{ marginBottom: 16 }}
              >
                {t('svc.con.addConsultant')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <TextItem name="responsibleDoctor" label="svc.con.responsibleDoctor" max={50} required />
    </>
  );
}

export const consultationDef: ServiceFormDef = {
  type: 'consultation',
  title: { zh: '会诊记录表', en: 'Consultation record' },
  initialForm: () => ({ consultants: [{ doctor: '', institution: '' }] }),
  toPayload: (v) => {
    const rows = Array.isArray(v.consultants) ? (v.consultants as Consultant[]) : [];
    return dropEmpty({
      ...v,
      consultants: rows.map((r) => ({
        doctor: (r.doctor ?? '').trim(),
        institution: (r.institution ?? '').trim(),
      })),
    });
  },
  fromStored: same,
  Fields: ConsultationFields,
  labelPrefixes: ['svc.con.'],
};

function ReferralOutFields() {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <TextItem name="toInstitution" label="svc.ref.toInstitution" max={100} required />
        </Col>
        <Col xs={12} md={7}>
          <TextItem name="toDepartment" label="svc.ref.toDepartment" max={50} required />
        </Col>
        <Col xs={12} md={7}>
          <TextItem name="receivingDoctor" label="svc.ref.receivingDoctor" max={50} />
        </Col>
      </Row>
      <TextItem name="impression" label="svc.ref.impression" rows={2} max={NOTE_MAX} required />
      <TextItem name="presentIllness" label="svc.ref.presentIllness" rows={3} max={NOTE_MAX} required />
      <TextItem name="pastHistory" label="svc.ref.pastHistory" rows={2} max={NOTE_MAX} required />
      <TextItem name="treatment" label="svc.ref.treatment" rows={2} max={NOTE_MAX} required />
      <Row gutter={12}>
        <Col xs={12} md={8}>
          <TextItem name="referringDoctor" label="svc.ref.referringDoctor" max={50} required />
        </Col>
        <Col xs={12} md={8}>
          <TextItem name="contactPhone" label="svc.ref.contactPhone" max={20} />
        </Col>
      </Row>
    </>
  );
}

export const referralOutDef: ServiceFormDef = {
  type: 'referral_out',
  title: { zh: '双向转诊单（转出单）', en: 'Two-way referral: referral out' },
  // The past history and the contact phone rarely change between referrals.
  initialForm: ({ last }) =>
    dropEmpty({
      pastHistory: typeof last?.pastHistory === 'string' ? last.pastHistory : undefined,
      contactPhone: typeof last?.contactPhone === 'string' ? last.contactPhone : undefined,
    }),
  toPayload: dropEmpty,
  fromStored: same,
  Fields: ReferralOutFields,
  labelPrefixes: ['svc.ref.'],
};

/** The type of record a referral back points to (the registry's link of its outReferralId). */
const outType = programRegistry
  .serviceType('referral_back')
  ?.links?.find((l) => l.field === 'outReferralId')?.type;

function ReferralBackFields() {
  const { t } = useI18n();
  const { items } = useServicePage();
  const outs = items.filter((s) => s.type === outType);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <SchemaItem name={['form', 'outReferralId']} label={t('svc.ref.outReferral')}>
            <Select
              allowClear
              data-testid="out-referral"
              options={outs.map((s) => ({
                value: s.id,
                label: t('svc.ref.outReferralOption', { date: s.serviceDate, id: s.id }),
              }))}
            />
          </SchemaItem>
        </Col>
        <Col xs={24} md={12}>
          <TextItem name="fromInstitution" label="svc.ref.fromInstitution" max={100} required />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <TextItem name="diagnosis" label="svc.ref.diagnosis" rows={2} max={NOTE_MAX} required />
        </Col>
        <Col xs={24} md={8}>
          <TextItem name="inpatientNo" label="svc.ref.inpatientNo" max={50} />
        </Col>
      </Row>
      <TextItem name="mainResults" label="svc.ref.mainResults" rows={2} max={NOTE_MAX} required />
      <TextItem name="treatment" label="svc.ref.treatment" rows={2} max={NOTE_MAX} required />
      <TextItem name="nextPlan" label="svc.ref.nextPlan" rows={3} max={NOTE_MAX} required />
      <Space>
        <TextItem name="doctor" label="svc.ref.doctor" max={50} required />
      </Space>
    </>
  );
}

export const referralBackDef: ServiceFormDef = {
  type: 'referral_back',
  title: { zh: '双向转诊单（回转单）', en: 'Two-way referral: referral back' },
  initialForm: () => ({}),
  toPayload: dropEmpty,
  fromStored: same,
  Fields: ReferralBackFields,
  labelPrefixes: ['svc.ref.'],
};
