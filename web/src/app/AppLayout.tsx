/** The layout clinic workers know: side menu by capability, header with who and where, breadcrumbs, the page. */
import { useEffect, useState } from 'react';
import { Link, Outlet, useMatches, useParams } from 'react-router';
import { Breadcrumb, Layout, Menu, type MenuProps } from 'antd';
import { MedicineBoxOutlined } from '@ant-design/icons';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { AppHeader } from './AppHeader.tsx';
import type { RouteHandle } from './router.tsx';
import { ROUTES, type AppRoute } from './routes.tsx';
import { MENU_GROUPS, pathOf, routeById, type MenuGroupId, type RouteMeta } from './routeTable.tsx';
import './layout.css';

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
  const chain = chainOf(current);

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

  return (
    <Layout className="app-shell">
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        className="no-print"
      >
        <div className="app-logo">
          <MedicineBoxOutlined />
          {!collapsed && <span className="app-logo-text">{t('app.short')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={[...groups.values()].map((g) => g.key)}
        />
      </Layout.Sider>
      <Layout>
        <AppHeader />
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
