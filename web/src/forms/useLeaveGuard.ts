/**
 * Asks before leaving a form with unsaved changes: on navigation inside the app (a confirm dialog) and
 * on closing or reloading the tab (the browser's own prompt).
 */
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { App } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function useLeaveGuard(isDirty: () => boolean): void {
  const { modal } = App.useApp();
  const { t } = useI18n();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && isDirty(),
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('form.leaveTitle'),
      content: t('form.leaveBody'),
      okText: t('form.leave'),
      cancelText: t('form.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (isDirty()) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);
}
