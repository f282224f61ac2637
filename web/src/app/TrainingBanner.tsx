/**
 * A training environment (`jkda training`) says so on every page: the sign-in page and the app's header
 * carry a banner, so nobody takes its practice records for the county's own. The server tells it once
 * (GET /api/auth/sign-in-info); the answer is kept for the page's life.
 */
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { typedApi } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

let asked: Promise<boolean> | undefined;

/** Whether this server is a training environment (false until it has said, and when it cannot be asked). */
export function useTraining(): boolean {
  const [training, setTraining] = useState(false);
  useEffect(() => {
    let live = true;
    asked ??= typedApi.get('/api/auth/sign-in-info').then(
      (i) => i.training,
      () => {
        asked = undefined;
        return false;
      },
    );
    void asked.then((t) => live && setTraining(t));
    return () => {
      live = false;
    };
  }, []);
  return training;
}

/** Forgets the answer (tests). */
export const forgetTraining = (): void => {
  asked = undefined;
};

export function TrainingBanner() {
  const { t } = useI18n();
  if (!useTraining()) return null;
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
