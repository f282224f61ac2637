/**
 * Archiving a record (deceased, moved out, other) with its date and a note, and making it active again
 * (ability resident.archive: the county and township administrators). Nothing is deleted: the record stays,
 * marked, with its registers ended the same day; both actions are on the record's history and audit log.
 */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { InboxOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { typedApi } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { countyToday } from '../../app/today.ts';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { codeOptions } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface ArchiveForm {
  reason: 'deceased' | 'moved_out' | 'other';
  date: Dayjs;
  note?: string;
}

export function ArchiveActions(props: {
  residentId: number;
  version: number;
  archived: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ArchiveForm>();
  const today = countyToday();

  const archive = async (v: ArchiveForm) => {
    setBusy(true);
    try {
      await typedApi.post('/api/residents/{id}/archive', {
        path: { id: props.residentId },
        body: {
          reason: v.reason,
          date: v.date.format('YYYY-MM-DD'),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          version: props.version,
        },
      });
      setOpen(false);
      void message.success(t('archive.done'));
      props.onChanged();
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    try {
      await typedApi.post('/api/residents/{id}/restore', {
        path: { id: props.residentId },
        body: { version: props.version },
      });
      void message.success(t('archive.restored'));
      props.onChanged();
    } catch (e) {
      notifyError(e);
    }
  };

  if (props.archived)
    return (
      <Popconfirm title={t('archive.restoreConfirm')} onConfirm={() => void restore()}>
        <Button icon={<UndoOutlined />} data-testid="restore-record">
          {t('archive.restore')}
        </Button>
      </Popconfirm>
    );
  return (
    <>
      <Button icon={<InboxOutlined />} onClick={() => setOpen(true)} data-testid="archive-record">
        {t('archive.open')}
      </Button>
      <Modal
        open={open}
        title={t('archive.title')}
        okText={t('archive.confirm')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'archive-confirm' }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<ArchiveForm>
          form={form}
          layout="vertical"
          initialValues={{ date: dayjs(today) }}
          onFinish={(v) => void archive(v)}
        >
          <Form.Item
            name="reason"
            label={t('archive.reason')}
            rules={[{ required: true, message: t('archive.reasonRequired') }]}
          >
            <Select options={codeOptions('archiveReason', lang)} data-testid="archive-reason" />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('archive.date')}
            rules={[{ required: true, message: t('archive.dateRequired') }]}
          >
            <DatePicker
              format="YYYY-MM-DD"
              style={{ width: '100%' }}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('archive.note')}
            dependencies={['reason']}
            rules={[
              ({ getFieldValue }) => ({
                required: getFieldValue('reason') === 'other',
                message: t('archive.noteRequired'),
              }),
            ]}
          >
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
