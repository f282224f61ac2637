/**
 * My account: change the password (first of all when an administrator set a temporary one), two-step
 * verification (on or off, set up by QR code, recovery codes shown once) and my sign-in history.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { passwordPolicyOk } from '@jkda/domain/messages';
import { useSession } from '../../auth/session.tsx';
import { authApi } from '../../auth/auth.api.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { accountApi, type TotpEnrolment } from './account.api.ts';
import { LoginHistoryTable } from './LoginHistoryTable.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { TotpSetup } from './TotpSetup.tsx';
import './account.css';
import { countyDateTime } from '../../app/today.ts';

export function AccountPage() {
  const { me } = useSession();
  return (
    <Space orientation="vertical" size="large" className="account-page">
      <PasswordCard mustChange={me?.mustChangePassword === true} />
      {!me?.mustChangePassword && <SecondFactorCard />}
      <HistoryCard />
    </Space>
  );
}

function PasswordCard({ mustChange }: { mustChange: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string; again: string }>();
  const [busy, setBusy] = useState(false);
  const save = async (v: { oldPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      await accountApi.changePassword(v.oldPassword, v.newPassword);
      form.resetFields();
      void message.success(t('account.passwordChanged'));
      // The session lives on; its flag of a temporary password is gone now.
      session.adopt(await authApi.me());
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('account.password')}>
      {mustChange && (
        <Alert type="warning" showIcon title={t('account.mustChange')} className="account-alert" />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} className="account-form">
        <Form.Item name="oldPassword" label={t('account.oldPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('account.passwordPolicy')}
          rules={[
            { required: true },
            {
              validator: (_, v: string | undefined) =>
                !v || passwordPolicyOk(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.passwordPolicy'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label={t('account.newPassword2')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('account.save')}
        </Button>
      </Form>
    </Card>
  );
}

function SecondFactorCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [version, setVersion] = useState(0);
  const status = useAsync(() => accountApi.status(), [version]);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [busy, setBusy] = useState(false);
  const s = status.data;

  const start = async () => {
    try {
      setEnrolment(await accountApi.beginEnrol());
    } catch (e) {
      notify(e);
    }
  };
  const confirm = async (v: { code: string }) => {
    setBusy(true);
    try {
      const r = await accountApi.confirmEnrol(v.code);
      setEnrolment(null);
      setCodes(r.recoveryCodes);
      void message.success(t('tfa.enabledNow'));
      setVersion((n) => n + 1);
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  const disable = async (v: { password: string }) => {
    setBusy(true);
    try {
      await accountApi.disable(v.password);
      setDisabling(false);
      void message.success(t('tfa.disabled'));
      setVersion((n) => n + 1);
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('tfa.title')} loading={status.loading && !s} data-testid="tfa-card">
      {s && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={s.enabled ? 'green' : 'default'}>{s.enabled ? t('tfa.on') : t('tfa.off')}</Tag>
            <Typography.Text type="secondary">
              {s.required ? t('tfa.required') : t('tfa.optional')}
            </Typography.Text>
          </Space>
          {s.enabled && s.enabledAt && (
            <Typography.Text type="secondary">
              {t('tfa.since', {
                at: countyDateTime(s.enabledAt),
              })}
              {t('punct.comma')}
              {t('tfa.codesLeft', { n: s.recoveryCodesLeft })}
            </Typography.Text>
          )}
          {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
          {enrolment ? (
            <>
              <Alert type="info" showIcon title={t('tfa.enrolIntro')} />
              <TotpSetup enrolment={enrolment} />
              <Form layout="inline" onFinish={(v: { code: string }) => void confirm(v)}>
                <Form.Item
                  name="code"
                  rules={[{ required: true, pattern: /^\d{6}$/, message: t('tfa.codeRequired') }]}
                >
                  <Input
                    inputMode="numeric"
                    maxLength={6}
                    placeholder={t('tfa.code')}
                    autoComplete="one-time-code"
                  />
                </Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {t('tfa.confirm')}
                  </Button>
                  <Button onClick={() => setEnrolment(null)}>{t('common.cancel')}</Button>
                </Space>
              </Form>
            </>
          ) : (
            !codes && (
              <Space wrap>
                <Button type={s.enabled ? 'default' : 'primary'} onClick={() => void start()}>
                  {s.enabled ? t('tfa.replace') : t('tfa.enable')}
                </Button>
                {s.enabled && !s.required && (
                  <Button danger onClick={() => setDisabling(true)}>
                    {t('tfa.disable')}
                  </Button>
                )}
              </Space>
            )
          )}
        </Space>
      )}
      <Modal
        open={disabling}
        title={t('tfa.disableConfirm')}
        footer={null}
        onCancel={() => setDisabling(false)}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={(v: { password: string }) => void disable(v)}>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy}>
            {t('tfa.disable')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}

function HistoryCard() {
  const { t } = useI18n();
  const history = useAsync(() => accountApi.logins(), []);
  return (
    <Card title={t('account.logins')}>
      <LoginHistoryTable items={history.data?.items} loading={history.loading} />
    </Card>
  );
}
