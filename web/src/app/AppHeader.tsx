/**
 * The header: the user's institution and jurisdiction, the resident search (for users who may read
 * residents), name and role, the language switch, sign-out. On a phone (`onMenu` given): the menu button,
 * the name, and the search and the two actions as icons, all within the width; the search icon opens the
 * box over the whole header.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Input, Layout, Space, Tag, Tooltip, Typography } from 'antd';
import {
  BankOutlined,
  CloseOutlined,
  EnvironmentOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuOutlined,
  SearchOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useAreas, type Area } from '../api/places.ts';
import { useSession } from '../auth/session.tsx';
import type { Me } from '../auth/auth.api.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { parseListState, toSearchParams } from '../pages/residents/listQuery.ts';
import { pathOf } from './routeTable.tsx';

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

/** The resident list searching for `q` (its own URL parameter, the other filters at their defaults). */
export function residentSearchPath(q: string): string {
  const params = toSearchParams({ ...parseListState(new URLSearchParams()), q });
  return `${pathOf('residents')}?${params.toString()}`;
}

/**
 * The search box: Enter opens the resident list with what was typed (the server reads names, pinyin
 * initials, ID numbers, their last digits and phones). On a phone an icon, opening the box over the header.
 */
function HeaderSearch({ phone }: { phone: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const search = (value: string) => {
    const q = value.trim();
    if (!q) return;
    setText('');
    setOpen(false);
    void navigate(residentSearchPath(q));
  };
  if (phone && !open)
    return (
      <Button
        type="text"
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        aria-label={t('header.searchLabel')}
        data-testid="header-search-open"
      />
    );
  const box = (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={search}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
      placeholder={t('header.search')}
      aria-label={t('header.searchLabel')}
      autoFocus={phone}
      data-testid="header-search"
    />
  );
  if (!phone) return <div className="app-header-search">{box}</div>;
  return (
    <div className="app-header-search-phone" data-testid="header-search-phone">
      {box}
      <Button
        type="text"
        icon={<CloseOutlined />}
        onClick={() => setOpen(false)}
        aria-label={t('header.searchClose')}
      />
    </div>
  );
}

export function AppHeader({ onMenu }: { onMenu?: () => void } = {}) {
  const { me, logout, can } = useSession();
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
      {can('resident.read') && !onMenu && <HeaderSearch phone={false} />}
      <Space size={onMenu ? 'small' : 'middle'}>
        {can('resident.read') && onMenu && <HeaderSearch phone />}
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
