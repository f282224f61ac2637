/** The dashboard: who is signed in, where, and shortcuts to what they may do. */
import { Link } from 'react-router';
import { Alert, Card, Col, Descriptions, Row } from 'antd';
import { jurisdictionText } from '../../app/AppHeader.tsx';
import { ROUTE_TABLE } from '../../app/routeTable.tsx';
import { useAreas } from '../../api/places.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { WorkbenchCounts } from './WorkbenchCounts.tsx';
import { WorkbenchDrafts } from './WorkbenchDrafts.tsx';
import { HelpPanel } from '../../components/HelpPanel.tsx';

export function HomePage() {
  const { me, can } = useSession();
  const { t, lang } = useI18n();
  const areas = useAreas();
  if (!me) return null;
  const shortcuts = ROUTE_TABLE.filter((r) => r.menu && r.id !== 'home' && can(r.ability));
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <HelpPanel page="home" />
      </Col>
      <Col span={24}>
        <Card title={t('home.hello', { name: me.user.displayName })}>
          <Descriptions
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'role', label: t('home.role'), children: me.user.roleLabel[lang] },
              { key: 'inst', label: t('home.institution'), children: me.user.institutionName },
              { key: 'area', label: t('header.jurisdiction'), children: jurisdictionText(me, areas, t) },
            ]}
          />
        </Card>
      </Col>
      {!can('resident.read') && (
        <Col span={24}>
          <Alert type="info" showIcon title={t('home.noResidentAccess')} />
        </Col>
      )}
      {shortcuts.length > 0 && (
        <Col span={24}>
          <Card title={t('home.quickLinks')}>
            <Row gutter={[16, 16]}>
              {shortcuts.map((r) => (
                <Col key={r.id} xs={12} md={6}>
                  <Link to={r.path}>
                    <Card hoverable size="small">
                      <span style={{ fontSize: 20, marginRight: 8 }}>{r.menu?.icon}</span>
                      {t(r.title)}
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      )}
      {can('resident.read') && (
        <Col span={24}>
          <WorkbenchCounts />
        </Col>
      )}
      {can('service.write') && (
        <Col span={24}>
          <WorkbenchDrafts />
        </Col>
      )}
    </Row>
  );
}
