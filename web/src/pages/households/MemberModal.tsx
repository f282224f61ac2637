/** Add a resident to the household, move them here from another one, or change a member's relation. */
import { useState } from 'react';
import { Alert, Form, Modal, Select, Spin } from 'antd';
import { fieldMessage } from '@jkda/domain/messages';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { codeOptions } from '../../i18n/codes.ts';
import { hitLabel, useResidentSearch } from '../../forms/ResidentPicker.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { householdsApi, type Household, type HouseholdMember } from './households.api.ts';

interface Props {
  household: Household;
  /** A member whose relation is being changed; otherwise a resident is being added. */
  member: HouseholdMember | null;
  onClose: () => void;
  onSaved: (h: Household) => void;
}

export function MemberModal({ household, member, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ residentId: number; relationToHead: string }>();
  const [q, setQ] = useState('');
  const { hits, searching } = useResidentSearch(q, !member);
  const [saving, setSaving] = useState(false);
  const chosenId = Form.useWatch('residentId', form);
  const chosen = hits.find((h) => h.id === chosenId);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      onSaved(await householdsApi.addMember(household.id, member?.id ?? v.residentId, v.relationToHead));
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else notifyError(e);
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: fieldMessage('required', lang) };
  return (
    <Modal
      open
      title={member ? `${t('hh.changeRelation')}${t('common.colon')}${member.name}` : t('hh.addMember')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={member?.relationToHead ? { relationToHead: member.relationToHead } : {}}
      >
        {!member && (
          <Form.Item name="residentId" label={t('hh.resident')} rules={[required]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder={t('hh.residentSearch')}
              notFoundContent={searching ? <Spin size="small" /> : null}
              options={hits.map((h) => ({ value: h.id, label: hitLabel(h, lang) }))}
              data-testid="member-resident"
            />
          </Form.Item>
        )}
        {chosen?.householdId && chosen.householdId !== household.id && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('hh.moveNote', { id: chosen.householdId })}
          />
        )}
        <Form.Item name="relationToHead" label={t('hh.relation')} rules={[required]}>
          <Select options={codeOptions('relationToHead', lang)} data-testid="member-relation" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
