/**
 * Sign-in. Errors are said plainly: wrong password (with the tries left before locking), account locked
 * (with the time left, counting down), disabled account, network failure. After sign-in the user goes
 * back to where they were.
 */
import { useCallback, useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input } from 'antd';
import { GlobalOutlined, LockOutlined, MedicineBoxOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDuration, safeNext } from './login.util.ts';
import { SecondFactorStep, type PendingSignIn } from './SecondFactorStep.tsx';
import './login.css';
import { countyDateTime } from '../../app/today.ts';
import { TrainingBanner, useSignInInfo } from '../../app/TrainingBanner.tsx';

interface Problem {
  title: string;
  detail?: string;
  lockedUntil?: number;
  /** The account the problem is about (a lock does not stop another user signing in). */
  username: string;
}

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [form] = Form.useForm<{ username: string; password: string }>();
  const typedUser = Form.useWatch('username', form);
  const [pending, setPending] = useState<(PendingSignIn & { username: string }) | null>(null);
  const demo = useSignInInfo()?.demo === true;

  useEffect(() => {
    if (!problem?.lockedUntil) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [problem?.lockedUntil]);

  useEffect(() => {
    document.title = `${t('nav.login')} - ${t('app.title')}`;
  }, [t]);

  const backToPassword = useCallback(
    (e?: unknown) => {
      const who = pending?.username ?? '';
      setPending(null);
      if (e) setProblem(describeProblem(e, who));
    },
    // Stable while the step is open: a new callback would restart an enrolment (a new secret).
    [pending?.username],
  );

  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await session.login(v.username, v.password);
      await navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'second_factor_required' && e.body.challenge) {
        setPending({ challenge: e.body.challenge, enrol: e.body.enrol === true, username: v.username });
        return;
      }
      setProblem(problemOf(e, v.username));
    } finally {
      setBusy(false);
    }
  };

  const problemOf = (e: unknown, username: string): Problem => describeProblem(e, username);

  function describeProblem(e: unknown, username: string): Problem {
    const d = describeError(e, lang);
    if (e instanceof ApiError && e.status === 423) {
      const at = typeof e.body.lockedUntil === 'string' ? Date.parse(e.body.lockedUntil) : NaN;
      const until = Number.isNaN(at) ? Date.now() + Number(e.body.secondsLeft ?? 0) * 1000 : at;
      return { title: d.title, lockedUntil: until, username };
    }
    if (e instanceof ApiError && e.code === 'invalid_credentials' && typeof e.body.attemptsLeft === 'number')
      return { title: d.title, detail: t('login.attemptsLeft', { n: e.body.attemptsLeft }), username };
    return { title: d.title, username, ...(d.message !== d.title ? { detail: d.message } : {}) };
  }

  const lockedLeft = problem?.lockedUntil ? Math.max(0, Math.ceil((problem.lockedUntil - now) / 1000)) : 0;
  const sameUserLocked = lockedLeft > 0 && typedUser === problem?.username;
  const lockDetail = problem?.lockedUntil
    ? t('login.lockedLeft', {
        left: formatDuration(lockedLeft, t),
        // The county's clock, HH:mm:ss.
        until: countyDateTime(new Date(problem.lockedUntil), true).slice(11),
      })
    : undefined;
  const notice = params.get('expired') ? t('login.expired') : params.get('out') ? t('login.loggedOut') : null;

  return (
    <div className="login-page">
      <TrainingBanner />
      <Button
        className="login-lang"
        type="text"
        icon={<GlobalOutlined />}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        data-testid="lang-switch"
      >
        {t('header.switchLang')}
      </Button>
      <Card className="login-card">
        <div className="login-brand">
          <MedicineBoxOutlined />
          <div>
            <h1>{t('app.title')}</h1>
            <p>{t('app.subtitle')}</p>
          </div>
        </div>
        {pending ? (
          <SecondFactorStep
            pending={pending}
            onSignedIn={(me) => session.adopt(me)}
            onBack={backToPassword}
          />
        ) : (
          <>
            <h2 className="login-title">{t('login.title')}</h2>
            {notice && !problem && (
              <Alert type="info" showIcon title={notice} className="login-alert" role="status" />
            )}
            {problem && (
              <Alert
                type="error"
                showIcon
                title={problem.title}
                description={lockDetail ?? problem.detail}
                className="login-alert"
                role="alert"
              />
            )}
            <Form
              form={form}
              layout="vertical"
              onFinish={(v: { username: string; password: string }) => void onFinish(v)}
              requiredMark={false}
            >
              <Form.Item
                name="username"
                label={t('login.username')}
                rules={[{ required: true, message: t('login.usernameRequired') }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={[{ required: true, message: t('login.passwordRequired') }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                size="large"
                loading={busy}
                disabled={sameUserLocked}
              >
                {t('login.submit')}
              </Button>
            </Form>
            {demo && (
              <Alert
                type="info"
                title={t('login.demoNotice')}
                className="login-alert login-demo"
                // A standing notice, not an alert: screen readers need not interrupt for it.
                role="note"
                data-testid="demo-notice"
              />
            )}
          </>
        )}
      </Card>
    </div>
  );
}
