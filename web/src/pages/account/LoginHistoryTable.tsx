/** Sign-in history: time, outcome, method, address, kind of client (own account or an administered one). */
import { Table, Tag } from 'antd';
import { hasKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { LoginEvent } from './account.api.ts';
import { countyDateTime } from '../../app/today.ts';

const COLORS: Record<LoginEvent['outcome'], string> = {
  success: 'green',
  failure: 'red',
  second_factor_pending: 'blue',
  second_factor_failure: 'red',
  locked: 'volcano',
  disabled: 'default',
};

export function LoginHistoryTable({
  items,
  loading,
}: {
  items: LoginEvent[] | undefined;
  loading?: boolean;
}) {
  const { t, lang } = useI18n();
  const words = (prefix: string, v: string | null) => {
    if (!v) return '';
    const key = `${prefix}.${v}`;
    return hasKey(key) ? t(key) : v;
  };
  const client = (c: string) =>
    hasKey(`logins.client.${c}`)
      ? words('logins.client', c)
      : lang === 'zh'
        ? c.replace('desktop', '电脑').replace('mobile', '手机')
        : c;
  return (
    <Table<LoginEvent>
      size="small"
      rowKey={(r) => `${r.at}-${r.outcome}`}
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 560 }}
      data-testid="login-history"
      columns={[
        {
          title: t('logins.at'),
          dataIndex: 'at',
          render: (v: string) => countyDateTime(v, true),
        },
        {
          title: t('logins.outcome'),
          dataIndex: 'outcome',
          render: (v: LoginEvent['outcome']) => <Tag color={COLORS[v]}>{words('logins.outcome', v)}</Tag>,
        },
        {
          title: t('logins.method'),
          dataIndex: 'method',
          render: (v: string | null) => words('logins.method', v),
        },
        { title: t('logins.address'), dataIndex: 'address' },
        { title: t('logins.client'), dataIndex: 'client', render: client },
      ]}
    />
  );
}
