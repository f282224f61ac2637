/**
 * The app's Ant Design theme and locale, for the app and for the component tests alike. Motion (the
 * opening and closing animations of lists, dialogs and menus) follows the device's "reduce motion" setting:
 * off for people who asked for less of it, and for the browser tests and jsdom, which ask too.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

const REDUCE = '(prefers-reduced-motion: reduce)';

function useReducedMotion(): boolean {
  const [reduce, setReduce] = useState(() => window.matchMedia?.(REDUCE).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(REDUCE);
    if (!query) return;
    const changed = () => setReduce(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return reduce;
}

export function Themed({ locale, children }: { locale: Locale; children: ReactNode }) {
  const reduce = useReducedMotion();
  return (
    <ConfigProvider locale={locale} theme={{ token: { fontFamily: FONT, borderRadius: 4, motion: !reduce } }}>
      {children}
    </ConfigProvider>
  );
}
