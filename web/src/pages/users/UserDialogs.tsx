/** The dialogs of account management: a new account, a staff file import, a temporary password, sign-ins. */
import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { typedApi } from '../../api/client.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { LoginHistoryTable } from '../account/LoginHistoryTable.tsx';
import { ImportReport } from './ImportReport.tsx';
import {
  fileToBase64,
  usersApi,
  type NewUser,
  type UserAccount,
  type UserAccountList,
  type UserImportReport,
} from './users.api.ts';

/** Shows a temporary password once, to hand to the person. */
export function showTemporaryPassword(
  modal: { info: (o: { title: string; content: React.ReactNode; okText: string }) => unknown },
  t: ReturnType<typeof useI18n>['t'],
  name: string,
  password: string,
): void {
  modal.info({
    title: t('users.tempPassword'),
    okText: t('users.done'),
    content: (
      <Space orientation="vertical">
        <span>{t('users.passwordFor', { name })}</span>
        <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="temporary-password">
          {password}
        </Typography.Text>
      </Space>
    ),
  });
}

interface CreateProps {
  open: boolean;
  roles: UserAccountList['assignableRoles'];
  roleLabel: (role: UserAccount['role']) => string;
  onClose: () => void;
  onCreated: (name: string, password: string) => void;
}

export function CreateUserModal({ open, roles, roleLabel, onClose, onCreated }: CreateProps) {
  const { t } = useI18n();
  const notify = useNotifyError();
  const [form] = Form.useForm<NewUser>();
  const [busy, setBusy] = useState(false);
  const institutions = useAsync(
    () => (open ? typedApi.get('/api/institutions') : Promise.resolve(null)),
    [open],
  );
  const teams = useAsync(() => (open ? typedApi.get('/api/teams') : Promise.resolve(null)), [open]);
  const save = async (v: NewUser) => {
    setBusy(true);
    try {
      const body: NewUser = { ...v, ...(v.phone ? {} : { phone: undefined }) };
      const made = await usersApi.create(body);
      form.resetFields();
      onCreated(made.user.displayName, made.temporaryPassword);
    } catch (e) {
      const details =
        (e as { body?: { details?: { field: string; message: string }[] } }).body?.details ?? [];
      if (details.length)
        form.setFields(details.map((d) => ({ name: d.field as keyof NewUser, errors: [d.message] })));
      else notify(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('users.create')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="user-create">
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={roles.map((r) => ({ value: r, label: roleLabel(r) }))} />
        </Form.Item>
        <Form.Item name="institutionCode" label={t('users.institution')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={institutions.loading}
            options={(institutions.data?.items ?? []).map((i) => ({
              value: i.code,
              label: `${i.name} ${i.code}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="teamId" label={t('users.team')}>
          <Select
            allowClear
            loading={teams.loading}
            options={(teams.data?.items ?? []).map((x) => ({
              value: x.id,
              label: `${x.name}（${x.institutionName}）`,
            }))}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

export function ImportUsersModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotifyError();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [report, setReport] = useState<UserImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    const raw = file?.originFileObj;
    if (!raw) return;
    setBusy(true);
    try {
      const r = await usersApi.importFile(raw.name, await fileToBase64(raw), dryRun);
      setReport(r);
      if (r.written) onImported();
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setFile(null);
    setReport(null);
    onClose();
  };
  const allOk = report !== null && report.rows.length > 0 && report.rows.every((r) => r.ok);
  return (
    <Modal open={open} title={t('users.import')} onCancel={close} footer={null} width={820} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('users.importIntro')} />
        <Space wrap>
          <Upload
            accept=".csv,.xlsx"
            maxCount={1}
            fileList={file ? [file] : []}
            beforeUpload={() => false}
            onChange={(info) => {
              setFile(info.fileList[0] ?? null);
              setReport(null);
            }}
          >
            <Button icon={<UploadOutlined />}>{t('users.chooseFile')}</Button>
          </Upload>
          <Button onClick={() => void run(true)} disabled={!file || report?.written} loading={busy && !allOk}>
            {t('users.check')}
          </Button>
          {allOk && !report.written && (
            <Button type="primary" onClick={() => void run(false)} loading={busy}>
              {t('users.importNow', { n: report.rows.length })}
            </Button>
          )}
        </Space>
        {report && <ImportReport report={report} />}
        {report?.written && (
          <>
            <Alert type="success" showIcon title={t('users.imported', { n: report.created.length })} />
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              dataSource={report.created}
              columns={[
                { title: t('users.username'), dataIndex: 'username' },
                {
                  title: t('users.tempPassword'),
                  dataIndex: 'temporaryPassword',
                  render: (v: string) => (
                    <Typography.Text code copyable>
                      {v}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}

export function LoginsDrawer({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const { t } = useI18n();
  const history = useAsync(() => (user ? usersApi.logins(user.id) : Promise.resolve(null)), [user?.id]);
  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      title={user ? t('users.loginsOf', { name: user.displayName }) : ''}
      size="large"
      styles={{ wrapper: { maxWidth: '100vw' } }}
    >
      <LoginHistoryTable items={history.data?.items} loading={history.loading} />
    </Drawer>
  );
}
