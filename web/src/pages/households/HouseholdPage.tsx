/** A household with its members and their relation to the head. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Table, Tag } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { pathOf } from '../../app/routeTable.tsx';
import { useSession } from '../../auth/session.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { householdsApi, type Household, type HouseholdMember } from './households.api.ts';
import { MemberModal } from './MemberModal.tsx';

export function HouseholdPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const { data, error, loading, reload } = useAsync((s) => householdsApi.get(id, s), [id]);
  const [saved, setSaved] = useState<Household | null>(null);
  const [editing, setEditing] = useState<{ member: HouseholdMember | null } | null>(null);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const h = saved?.id === id ? saved : data;
  if (loading && !h) return <PageLoading />;
  if (!h) return null;

  const head = h.members.find((m) => m.id === h.headResidentId);
  const writable = can('household.write');
  return (
    <Card
      title={t('hh.title', { id: h.id })}
      extra={
        writable && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setEditing({ member: null })}
            data-testid="add-member"
          >
            {t('hh.addMember')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'village', label: t('hh.village'), children: h.villageName },
          { key: 'address', label: t('hh.address'), children: h.address ?? '—' },
          {
            key: 'head',
            label: codeLabel('relationToHead', '02', lang),
            children: head?.name ?? t('hh.noHead'),
          },
        ]}
      />
      <Table<HouseholdMember>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={h.members}
        locale={{ emptyText: t('hh.noMembers') }}
        title={() => t('hh.members')}
        columns={[
          {
            key: 'name',
            title: t('col.name'),
            dataIndex: 'name',
            render: (n: string, m) => <Link to={pathOf('resident', { id: m.id })}>{n}</Link>,
          },
          {
            key: 'relation',
            title: t('hh.relation'),
            dataIndex: 'relationToHead',
            render: (r: string | null) => codeLabel('relationToHead', r, lang) || '—',
          },
          {
            key: 'sex',
            title: t('col.sex'),
            dataIndex: 'sex',
            render: (s: string) => codeLabel('sex', s, lang),
          },
          { key: 'birthDate', title: t('col.birthDate'), dataIndex: 'birthDate' },
          { key: 'recordNumber', title: t('col.recordNumber'), dataIndex: 'recordNumber' },
          {
            key: 'status',
            title: t('col.status'),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={s === 'active' ? 'success' : 'default'}>{codeLabel('recordStatus', s, lang)}</Tag>
            ),
          },
          ...(writable
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, m: HouseholdMember) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setEditing({ member: m })}
                      disabled={m.status !== 'active'}
                    >
                      {t('hh.changeRelation')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <MemberModal
          household={h}
          member={editing.member}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setSaved(next);
            setEditing(null);
            void message.success(t('hh.memberSaved'));
          }}
        />
      )}
    </Card>
  );
}
