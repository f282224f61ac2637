/** Providers: language (with the Ant Design locale), Ant Design's App context, the session, the router. */
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { SessionProvider } from '../auth/session.tsx';
import { createRouter } from './router.tsx';

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

function Themed() {
  const { antdLocale } = useI18n();
  const [router] = useState(createRouter);
  return (
    <ConfigProvider locale={antdLocale} theme={{ token: { fontFamily: FONT, borderRadius: 4 } }}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
