/**
 * The header: the user's institution and jurisdiction, name and role, the language switch, sign-out. On a
 * phone (`onMenu` given): the menu button, the name, and the two actions as icons, all within the width.
 */
import { Link, useNavigate } from 'react-router';
import { Button, Layout, Space, Tag, Tooltip, Typography } from 'antd';
import {
  BankOutlined,
  EnvironmentOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useAreas, type Area } from '../api/places.ts';
import { useSession } from '../auth/session.tsx';
import type { Me } from '../auth/auth.api.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';

/** The jurisdiction in words: the names of its county, townships or villages. */
export function jurisdictionText(me: Me, areas: Area[] | undefined, t: I18n['t']): string {
  const j = me.user.jurisdiction;
  const name = (code: string) => areas?.find((a) => a.code === code)?.name;
  const names = (codes: string[]) => codes.map((c) => name(c) ?? c);
  if (j.counties.length)
    return j.counties.map((c) => name(c) ?? t('header.wholeCounty')).join(t('punct.list'));
  const parts = [...names(j.townships), ...names(j.villages)];
  if (parts.length <= 3) return parts.join(t('punct.list'));
  return [
    j.townships.length ? t('header.townships', { n: j.townships.length }) : '',
    j.villages.length ? t('header.villages', { n: j.villages.length }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function AppHeader({ onMenu }: { onMenu?: () => void } = {}) {
  const { me, logout } = useSession();
  const { t, lang, setLang } = useI18n();
  const areas = useAreas();
  const navigate = useNavigate();
  if (!me) return null;
  const where = jurisdictionText(me, areas, t);
  const onLogout = async () => {
    await logout().catch(() => undefined);
    await navigate('/login?out=1', { replace: true });
  };
  return (
    <Layout.Header className={`app-header no-print${onMenu ? ' app-header-phone' : ''}`}>
      {onMenu && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          onClick={onMenu}
          aria-label={t('header.menu')}
          data-testid="menu-open"
        />
      )}
      <Space size="middle" className="app-header-where">
        <Tooltip title={t('home.institution')}>
          <span className="app-header-item" data-testid="header-institution">
            <BankOutlined /> {me.user.institutionName}
          </span>
        </Tooltip>
        <Tooltip title={t('header.jurisdiction')}>
          <span className="app-header-item" data-testid="header-jurisdiction">
            <EnvironmentOutlined /> {t('header.jurisdiction')}
            {t('common.colon')}
            {where}
          </span>
        </Tooltip>
      </Space>
      <Space size="middle">
        <Tooltip title={t('nav.account')}>
          <Link to="/account" className="app-header-item" data-testid="header-account">
            <UserOutlined /> <Typography.Text strong>{me.user.displayName}</Typography.Text>{' '}
            {!onMenu && <Tag color="blue">{me.user.roleLabel[lang]}</Tag>}
          </Link>
        </Tooltip>
        <Button
          type="text"
          icon={<GlobalOutlined />}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          aria-label={t('header.switchLang')}
          data-testid="lang-switch"
        >
          {!onMenu && t('header.switchLang')}
        </Button>
        <Button
          type="text"
          icon={<LogoutOutlined />}
          onClick={() => void onLogout()}
          aria-label={t('header.logout')}
        >
          {!onMenu && t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
