/**
 * A training environment (`jkda training`) says so on every page: the sign-in page and the app's header
 * carry a banner, so nobody takes its practice records for the county's own. The server tells it in
 * GET /api/auth/sign-in-info, asked once and kept for the page's life (useSignInInfo: the sign-in page reads
 * the demo flag from the same answer).
 */
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { typedApi } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

type SignInInfo = Awaited<ReturnType<typeof fetchInfo>>;
const fetchInfo = () => typedApi.get('/api/auth/sign-in-info');
let asked: Promise<SignInInfo | undefined> | undefined;

/** What the sign-in page tells (undefined until the server has said, and when it cannot be asked). */
export function useSignInInfo(): SignInInfo | undefined {
  const [info, setInfo] = useState<SignInInfo>();
  useEffect(() => {
    let live = true;
    asked ??= fetchInfo().catch(() => {
      asked = undefined;
      return undefined;
    });
    void asked.then((i) => live && i && setInfo(i));
    return () => {
      live = false;
    };
  }, []);
  return info;
}

/** Forgets the answer (tests). */
export const forgetTraining = (): void => {
  asked = undefined;
};

export function TrainingBanner() {
  const { t } = useI18n();
  if (!useSignInInfo()?.training) return null;
  return (
    <Alert
      type="warning"
      banner
      showIcon
      data-testid="training-banner"
      className="training-banner"
      title={t('app.training')}
    />
  );
}
