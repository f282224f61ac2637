/**
 * The personal basic information form (3rd edition) in sections, validated as the user types with the
 * server's rules (@jkda/domain). The ID number fills in the birth date and sex. Answers of the server
 * that need the user (duplicate, possible duplicate, stale version) are shown above the form.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { App, Button, Card, Form, Space } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { validateIdNumber } from '@jkda/domain/id-number';
import { useAreas, useDoctors } from '../../api/places.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { SchemaRuleContext } from '../../forms/SchemaItem.tsx';
import { issueText } from '../../forms/schemaIssues.ts';
import { useLeaveGuard } from '../../forms/useLeaveGuard.ts';
import { useSchemaRules } from '../../forms/useSchemaRules.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MsgKey } from '../../i18n/messages.ts';
import { fieldLabel } from '../../record/fields.ts';
import { AddressSection } from './AddressSection.tsx';
import { EnvironmentSection } from './EnvironmentSection.tsx';
import { FamilySection } from './FamilySection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { IdentitySection } from './IdentitySection.tsx';
import { SocialSection } from './SocialSection.tsx';
import { toPayload, validateResident, type FormValues } from './formModel.ts';
import { ProblemAlert, type SaveProblem } from './ProblemAlert.tsx';
import { problemOf } from './saveProblems.ts';
import type { IdHolder } from './form.api.ts';
import './form.css';

export interface ResidentFormProps {
  initial: FormValues;
  /** Saves the payload; rejects with the API error. */
  save: (payload: Record<string, unknown>, confirmPossibleDuplicate: boolean) => Promise<void>;
  onCancel: () => void;
  /** Reload the latest version and compare (edit only); gets the user's current values. */
  onReloadCompare?: (mine: FormValues) => void;
  /** A new record: who holds a record with the ID number, asked as soon as the number is complete. */
  checkIdNumber?: (idType: string, idNumber: string) => Promise<IdHolder>;
}

function Section({ id, title, children }: { id: string; title: MsgKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card id={id} size="small" title={t(title)} className="form-section">
      {children}
    </Card>
  );
}

export function ResidentForm({ initial, save, onCancel, onReloadCompare, checkIdNumber }: ResidentFormProps) {
  const { t, lang } = useI18n();
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const notifyError = useNotifyError();
  const areas = useAreas();
  const doctors = useDoctors();
  const { rule, allIssues } = useSchemaRules(form, validateResident);
  const [idFilled, setIdFilled] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const saved = useRef(false);
  useLeaveGuard(useCallback(() => !saved.current && form.isFieldsTouched(), [form]));
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) problemRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [problem]);

  // Who holds a record with the number typed (new records): the answer for the number it was asked for.
  const [idHolder, setIdHolder] = useState<{ idNumber: string; holder: IdHolder } | null>(null);
  const askedId = useRef<string | null>(null);

  const onValuesChange = (changed: FormValues, all: FormValues) => {
    if (!('idNumber' in changed) && !('idType' in changed)) return;
    const r = all.idType === '01' && all.idNumber ? validateIdNumber(all.idNumber) : null;
    if (r?.ok) {
      form.setFieldsValue({ birthDate: r.info.birthDate, sex: r.info.sex });
      void form.validateFields([['birthDate'], ['sex']]).catch(() => undefined);
    }
    setIdFilled(!!r?.ok);
    const complete = r?.ok ? r.info.normalized : null;
    askedId.current = complete;
    if (!complete) setIdHolder(null);
    else if (checkIdNumber && idHolder?.idNumber !== complete)
      checkIdNumber('01', complete).then(
        (holder) => {
          if (askedId.current === complete) setIdHolder({ idNumber: complete, holder });
        },
        // Not answered (offline, a refusal): the save checks the number again.
        () => undefined,
      );
  };

  const submit = async (confirmPossibleDuplicate = false) => {
    setProblem(null);
    try {
      await form.validateFields();
    } catch (e) {
      const n = (e as { errorFields?: unknown[] }).errorFields?.length ?? 0;
      void message.error(t('form.fixErrors', { n }));
      return;
    }
    const left = allIssues();
    if (left.length) {
      notification.error({
        title: t('form.fixErrors', { n: left.length }),
        description: left
          .map((i) => `${fieldLabel(i.path.join('.'), t)}${t('common.colon')}${issueText(i, lang)}`)
          .join(t('punct.semi')),
      });
      return;
    }
    setSaving(true);
    try {
      saved.current = true;
      await save(toPayload(form.getFieldsValue(true)), confirmPossibleDuplicate);
    } catch (e) {
      saved.current = false;
      const fields = fieldErrorsOf(e);
      if (fields.length) {
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        form.scrollToField(fields[0]!.name, { block: 'center' });
      }
      const p = problemOf(e);
      if (p) setProblem(p);
      else notifyError(e);
    } finally {
      setSaving(false);
    }
  };
  const run = (confirm = false) => void submit(confirm);

  return (
    <SchemaRuleContext.Provider value={rule}>
      <Form
        form={form}
        name="resident"
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        scrollToFirstError={{ block: 'center' }}
        requiredMark
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div ref={problemRef} />
          {problem && (
            <ProblemAlert
              problem={problem}
              onConfirmCreate={() => run(true)}
              onReloadCompare={() => onReloadCompare?.(form.getFieldsValue(true) as FormValues)}
            />
          )}
          <Section id="sec-identity" title="form.section.identity">
            <IdentitySection idFilled={idFilled} idHolder={idHolder?.holder} />
          </Section>
          <Section id="sec-address" title="form.section.address">
            <AddressSection areas={areas} doctors={doctors} />
          </Section>
          <Section id="sec-social" title="form.section.social">
            <SocialSection />
          </Section>
          <Section id="sec-history" title="form.section.history">
            <HistorySection />
          </Section>
          <Section id="sec-family" title="form.section.family">
            <FamilySection />
          </Section>
          <Section id="sec-environment" title="form.section.environment">
            <EnvironmentSection />
          </Section>
        </Space>
        <div className="form-footer">
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            onClick={() => run(false)}
            data-testid="save"
          >
            {t('form.save')}
          </Button>
        </div>
      </Form>
    </SchemaRuleContext.Provider>
  );
}
