/**
 * The second sign-in step after a right password: the 6-digit code of the authenticator app, or one
 * recovery code. An account that must use two factors but has none yet first scans a QR code here; its
 * first right code turns two factors on and shows the ten recovery codes once before going on.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, Spin } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { accountApi, type SignedIn, type TotpEnrolment } from '../account/account.api.ts';
import { TotpSetup } from '../account/TotpSetup.tsx';
import { RecoveryCodes } from '../account/RecoveryCodes.tsx';

export interface PendingSignIn {
  challenge: string;
  enrol: boolean;
}

interface Props {
  pending: PendingSignIn;
  /** Signed in (after the recovery codes were seen, when there were any). */
  onSignedIn: (me: SignedIn) => void;
  /** Back to the password (the step timed out, the name was locked, or the user chose so). */
  onBack: (problem?: unknown) => void;
}

export function SecondFactorStep({ pending, onSignedIn, onBack }: Props) {
  const { t, lang } = useI18n();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<SignedIn | null>(null);

  useEffect(() => {
    if (!pending.enrol) return;
    let live = true;
    accountApi.enrolInChallenge(pending.challenge).then(
      (e) => live && setEnrolment(e),
      (e: unknown) => live && onBack(e),
    );
    return () => {
      live = false;
    };
  }, [pending, onBack]);

  const submit = async (v: { code?: string; recoveryCode?: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = useRecovery ? { recoveryCode: v.recoveryCode ?? '' } : { code: v.code ?? '' };
      const me = await accountApi.finishSignIn(pending.challenge, answer);
      if (me.recoveryCodes?.length) setDone(me);
      else onSignedIn(me);
    } catch (e) {
      // A timed-out step or a lock goes back to the password, which says why.
      if (e instanceof ApiError && (e.code === 'challenge_expired' || e.status === 423)) return onBack(e);
      const d = describeError(e, lang);
      const left = e instanceof ApiError ? e.body.attemptsLeft : undefined;
      setProblem(
        [d.message, typeof left === 'number' ? t('login.attemptsLeft', { n: left }) : '']
          .filter(Boolean)
          .join(' '),
      );
    } finally {
      setBusy(false);
    }
  };

  if (done) return <RecoveryCodes codes={done.recoveryCodes ?? []} onDone={() => onSignedIn(done)} />;
  if (pending.enrol && !enrolment) return <Spin />;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="second-factor">
      <h2 className="login-title">
        <SafetyOutlined /> {t('tfa.title')}
      </h2>
      <Alert type="info" showIcon title={pending.enrol ? t('tfa.enrolIntro') : t('tfa.enterCode')} />
      {enrolment && <TotpSetup enrolment={enrolment} />}
      {problem && <Alert type="error" showIcon title={problem} role="alert" data-testid="tfa-problem" />}
      <Form
        layout="vertical"
        requiredMark={false}
        onFinish={(v: { code?: string; recoveryCode?: string }) => void submit(v)}
      >
        {useRecovery ? (
          <Form.Item
            name="recoveryCode"
            label={t('tfa.recoveryCode')}
            rules={[{ required: true, message: t('tfa.recoveryRequired') }]}
          >
            <Input size="large" autoComplete="off" autoFocus placeholder="XXXX-XXXX" />
          </Form.Item>
        ) : (
          <Form.Item
            name="code"
            label={t('tfa.code')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('tfa.codeRequired') }]}
          >
            <Input
              size="large"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              data-testid="totp-code"
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('tfa.verify')}
        </Button>
      </Form>
      <Space wrap>
        {!pending.enrol && (
          <Button type="link" onClick={() => setUseRecovery(!useRecovery)}>
            {useRecovery ? t('tfa.useCode') : t('tfa.useRecovery')}
          </Button>
        )}
        <Button type="link" onClick={() => onBack()}>
          {t('tfa.back')}
        </Button>
      </Space>
    </Space>
  );
}
