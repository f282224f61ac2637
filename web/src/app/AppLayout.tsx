/**
 * The layout clinic workers know: side menu by capability, header with who and where, breadcrumbs, the page.
 * On a phone (narrower than 768 px) the menu is a drawer opened from the header, so the page has the width.
 */
import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useMatches, useParams } from 'react-router';
import { Breadcrumb, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { MedicineBoxOutlined } from '@ant-design/icons';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppHeader } from './AppHeader.tsx';
import type { RouteHandle } from './router.tsx';
import { ROUTES, type AppRoute } from './routes.tsx';
import { MENU_GROUPS, pathOf, routeById, type MenuGroupId, type RouteMeta } from './routeTable.tsx';
import './layout.css';
import { TrainingBanner } from './TrainingBanner.tsx';

function useCurrentRoute(): AppRoute | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const h = matches[i]?.handle as RouteHandle | undefined;
    if (h?.route) return h.route;
  }
  return undefined;
}

/** The route and its parents, top first. */
function chainOf(route: RouteMeta | undefined): RouteMeta[] {
  const chain: RouteMeta[] = [];
  for (let r = route; r; r = r.parent ? routeById(r.parent) : undefined) chain.unshift(r);
  return chain;
}

export function AppLayout() {
  const { t } = useI18n();
  const { can } = useSession();
  const params = useParams();
  const current = useCurrentRoute();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Before the first measurement the breakpoints are unknown: the desk layout until then.
  const phone = Grid.useBreakpoint().md === false;
  const { pathname } = useLocation();
  const chain = chainOf(current);
  // A choice in the drawer's menu leads to another page: the drawer closes.
  useEffect(() => setDrawerOpen(false), [pathname]);

  useEffect(() => {
    document.title = current ? `${t(current.title)} - ${t('app.title')}` : t('app.title');
  }, [current, t]);

  const visible = ROUTES.filter((r) => r.menu && r.layout === 'app' && can(r.ability));
  const items: MenuProps['items'] = [];
  const groups = new Map<
    MenuGroupId,
    {
      key: string;
      icon: React.ReactNode;
      label: string;
      children: { key: string; icon: React.ReactNode; label: React.ReactNode }[];
    }
  >();
  for (const r of visible) {
    const entry = { key: r.id, icon: r.menu!.icon, label: <Link to={r.path}>{t(r.title)}</Link> };
    const g = r.menu!.group;
    if (!g) {
      items.push(entry);
      continue;
    }
    let group = groups.get(g);
    if (!group) {
      group = { key: `group:${g}`, icon: MENU_GROUPS[g].icon, label: t(MENU_GROUPS[g].title), children: [] };
      groups.set(g, group);
      items.push(group);
    }
    group.children.push(entry);
  }
  const selected = [...chain].reverse().find((r) => visible.some((v) => v.id === r.id))?.id;
  const paramsOf = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={[...groups.values()].map((g) => g.key)}
    />
  );
  const logo = (short: boolean) => (
    <div className="app-logo">
      <MedicineBoxOutlined />
      {!short && <span className="app-logo-text">{t('app.short')}</span>}
    </div>
  );

  return (
    <Layout className="app-shell">
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={248}
          closable={false}
          className="app-menu-drawer no-print"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {logo(false)}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          className="no-print"
        >
          {logo(collapsed)}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <TrainingBanner />
        <AppHeader {...(phone ? { onMenu: () => setDrawerOpen(true) } : {})} />
        <Layout.Content className="app-content">
          <Breadcrumb
            className="app-breadcrumb no-print"
            items={chain.map((r, i) => ({
              key: r.id,
              title:
                i < chain.length - 1 ? <Link to={pathOf(r.id, paramsOf)}>{t(r.title)}</Link> : t(r.title),
            }))}
          />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
