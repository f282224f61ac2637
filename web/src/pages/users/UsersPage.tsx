/**
 * Account management: find accounts, create one or many (a staff file), reset a password, disable or
 * enable, unlock, reset the second factor, see an account's sign-ins. The server decides the scope (the
 * system administrator: every account of their county; a county administrator: its clinical accounts).
 */
import { useState } from 'react';
import { App, Button, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { MoreOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ROLE_LABELS as ROLE_WORDS, ROLES } from '@jkda/domain/permissions';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { usersApi, type UserAccount, type UserQuery } from './users.api.ts';
import { CreateUserModal, ImportUsersModal, LoginsDrawer, showTemporaryPassword } from './UserDialogs.tsx';
import './users.css';
import { countyDateTime } from '../../app/today.ts';

const PAGE_SIZE = 20;

export function UsersPage() {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const notify = useNotifyError();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [logins, setLogins] = useState<UserAccount | null>(null);
  const list = useAsync(() => usersApi.list(query), [query]);
  const roleLabel = (role: UserAccount['role']) =>
    list.data?.items.find((u) => u.role === role)?.roleLabel[lang] ?? ROLE_WORDS[role][lang === 'zh' ? 0 : 1];

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) void message.success(done);
      list.reload();
    } catch (e) {
      notify(e);
    }
  };
  const confirmThen = (title: string, content: string, fn: () => Promise<unknown>) =>
    modal.confirm({ title, content, okButtonProps: { danger: true }, onOk: () => act(fn, t('users.done')) });

  const actions = (u: UserAccount) => {
    const items = [
      {
        key: 'reset',
        label: t('users.resetPassword'),
        onClick: () =>
          confirmThen(t('users.resetPassword'), t('users.resetPasswordConfirm'), async () => {
            const r = await usersApi.resetPassword(u.id);
            showTemporaryPassword(modal, t, u.displayName, r.temporaryPassword);
          }),
      },
      u.active
        ? {
            key: 'disable',
            label: t('users.disable'),
            danger: true,
            onClick: () =>
              confirmThen(t('users.disable'), t('users.disableConfirm'), () => usersApi.disable(u.id)),
          }
        : {
            key: 'enable',
            label: t('users.enable'),
            onClick: () => void act(() => usersApi.enable(u.id), t('users.done')),
          },
      ...(u.locked
        ? [
            {
              key: 'unlock',
              label: t('users.unlock'),
              onClick: () => void act(() => usersApi.unlock(u.id), t('users.done')),
            },
          ]
        : []),
      ...(u.secondFactor
        ? [
            {
              key: 'tfa',
              label: t('users.resetTfa'),
              onClick: () =>
                confirmThen(t('users.resetTfa'), t('users.resetTfaConfirm'), () =>
                  usersApi.resetSecondFactor(u.id),
                ),
            },
          ]
        : []),
      { key: 'logins', label: t('users.logins'), onClick: () => setLogins(u) },
    ];
    return (
      <Dropdown
        menu={{ items: u.manageable ? items : items.filter((i) => i.key === 'logins') }}
        trigger={['click']}
      >
        <Button
          size="small"
          icon={<MoreOutlined />}
          aria-label={t('users.more')}
          data-testid={`user-actions-${u.username}`}
        >
          {t('users.more')}
        </Button>
      </Dropdown>
    );
  };

  if (list.error && !list.data) return <ErrorResult error={list.error} onRetry={list.reload} />;

  return (
    <div className="users-page">
      <div className="users-toolbar">
        <Input.Search
          className="users-search"
          allowClear
          placeholder={t('users.search')}
          onSearch={(q) => setQuery((p) => ({ ...p, q: q || undefined, page: 1 }))}
          data-testid="users-search"
        />
        <Select
          className="users-filter"
          allowClear
          placeholder={t('users.allRoles')}
          value={query.role}
          onChange={(role: UserAccount['role'] | undefined) => setQuery((p) => ({ ...p, role, page: 1 }))}
          options={ROLES.map((r) => ({ value: r, label: ROLE_WORDS[r][lang === 'zh' ? 0 : 1] }))}
        />
        <Select
          className="users-filter"
          allowClear
          placeholder={t('users.allStates')}
          value={query.active}
          onChange={(active: 'true' | 'false' | undefined) => setQuery((p) => ({ ...p, active, page: 1 }))}
          options={[
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
        />
        <span className="users-spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('users.import')}
        </Button>
      </div>
      <Table<UserAccount>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items}
        scroll={{ x: 720 }}
        data-testid="users-table"
        pagination={{
          current: query.page ?? 1,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('users.total', { n }),
          onChange: (page) => setQuery((p) => ({ ...p, page })),
        }}
        columns={[
          {
            title: t('users.displayName'),
            key: 'name',
            fixed: 'left',
            width: 150,
            render: (_, u) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{u.displayName}</Typography.Text>
                <Typography.Text type="secondary">{u.username}</Typography.Text>
              </Space>
            ),
          },
          { title: t('users.role'), key: 'role', width: 130, render: (_, u) => u.roleLabel[lang] },
          { title: t('users.institution'), dataIndex: 'institutionName', responsive: ['md'] },
          {
            title: t('users.state'),
            key: 'state',
            width: 170,
            render: (_, u) => (
              <Space size={[0, 4]} wrap>
                <Tag color={u.active ? 'green' : 'default'}>
                  {u.active ? t('users.active') : t('users.inactive')}
                </Tag>
                {u.locked && <Tag color="volcano">{t('users.locked')}</Tag>}
                {u.mustChangePassword && <Tag color="gold">{t('users.tempPassword')}</Tag>}
                {u.secondFactor && <Tag color="blue">{t('users.tfa')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            responsive: ['lg'],
            render: (v: string | null) => countyDateTime(v),
          },
          { title: t('users.actions'), key: 'actions', width: 100, render: (_, u) => actions(u) },
        ]}
      />
      <CreateUserModal
        open={creating}
        roles={list.data?.assignableRoles ?? []}
        roleLabel={roleLabel}
        onClose={() => setCreating(false)}
        onCreated={(name, password) => {
          setCreating(false);
          list.reload();
          showTemporaryPassword(modal, t, name, password);
        }}
      />
      <ImportUsersModal open={importing} onClose={() => setImporting(false)} onImported={list.reload} />
      <LoginsDrawer user={logins} onClose={() => setLogins(null)} />
    </div>
  );
}
