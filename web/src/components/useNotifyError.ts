/** Shows an API error as a notification (for actions; pages use ErrorResult). */
import { useCallback } from 'react';
import { App } from 'antd';
import { describeError } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function useNotifyError(): (err: unknown) => void {
  const { notification } = App.useApp();
  const { lang } = useI18n();
  return useCallback(
    (err: unknown) => {
      const d = describeError(err, lang);
      notification.error({
        title: d.title,
        description: d.title === d.message ? undefined : d.message,
        duration: 8,
      });
    },
    [notification, lang],
  );
}
