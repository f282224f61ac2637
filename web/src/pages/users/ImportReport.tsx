/** The check of a staff file, row by row: which rows are right, and what is wrong with the others. */
import { Alert, Space, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UserImportReport } from './users.api.ts';

type Row = UserImportReport['rows'][number];

export function ImportReport({ report }: { report: UserImportReport }) {
  const { t } = useI18n();
  const bad = report.rows.filter((r) => !r.ok).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-report">
      {!report.written && (
        <Alert
          type={bad ? 'error' : 'success'}
          showIcon
          title={bad ? t('users.reportBad', { bad }) : t('users.reportGood', { n: report.rows.length })}
        />
      )}
      <Table<Row>
        size="small"
        rowKey="row"
        dataSource={report.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 520 }}
        rowClassName={(r) => (r.ok ? '' : 'import-row-bad')}
        columns={[
          { title: t('users.row'), dataIndex: 'row', width: 64 },
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.problems'),
            key: 'errors',
            render: (_, r) =>
              r.ok ? (
                <Tag color="green">{t('users.rowOk')}</Tag>
              ) : (
                <ul className="import-errors">
                  {r.errors.map((e) => (
                    <li key={`${e.field}-${e.code}`}>
                      {fieldLabel(e.field, t)}
                      {t('common.colon')}
                      {e.message}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </Space>
  );
}

function fieldLabel(field: string, t: ReturnType<typeof useI18n>['t']): string {
  switch (field) {
    case 'username':
      return t('users.username');
    case 'displayName':
      return t('users.displayName');
    case 'role':
      return t('users.role');
    case 'institutionCode':
      return t('users.institutionCode');
    case 'phone':
      return t('users.phone');
    case 'teamId':
      return t('users.team');
    default:
      return field;
  }
}
