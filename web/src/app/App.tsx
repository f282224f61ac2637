/** Providers: language (with the Ant Design locale), Ant Design's App context, the session, the router. */
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { App as AntApp } from 'antd';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { SessionProvider } from '../auth/session.tsx';
import { createRouter } from './router.tsx';
import { Themed } from './theme.tsx';

function WithRouter() {
  const { antdLocale } = useI18n();
  const [router] = useState(createRouter);
  return (
    <Themed locale={antdLocale}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </Themed>
  );
}

export function App() {
  return (
    <I18nProvider>
      <WithRouter />
    </I18nProvider>
  );
}
