/**
 * The table columns of audit rows, shared by the county's audit log and the record's audit tab. The log
 * shows the user's sign-in name after the name and a link to the record each row concerns; the record's
 * tab (one record already) shows the name only and the request id.
 */
import { Link } from 'react-router';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { pathOf } from '../../app/routeTable.tsx';
import type { I18n } from '../../i18n/i18n.tsx';
import type { AuditEntry } from './audit.api.ts';
import { auditWords } from './auditWords.ts';

export type AuditView = 'log' | 'record';

export function auditColumns(view: AuditView, t: I18n['t']): ColumnsType<AuditEntry> {
  const words = auditWords(t);
  const log = view === 'log';
  return [
    { key: 'at', title: t('audit.at'), dataIndex: 'at', width: log ? 160 : 170, render: words.at },
    {
      key: 'user',
      title: t('audit.user'),
      width: log ? 170 : 130,
      render: (_, e) =>
        !log ? (
          (e.actor.displayName ?? e.actor.username ?? '—')
        ) : e.actor.username ? (
          <span>
            {e.actor.displayName ?? t('auditLog.unknownUser')}
            <Typography.Text type="secondary"> {e.actor.username}</Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      width: log ? 150 : 140,
      render: words.action,
    },
    ...(log
      ? [
          {
            key: 'record',
            title: t('auditLog.record'),
            width: 110,
            render: (_: unknown, e: AuditEntry) =>
              e.residentId ? (
                <Link to={pathOf('resident', { id: e.residentId })}>
                  {t('auditLog.openRecord', { id: e.residentId })}
                </Link>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    { key: 'fields', title: t('audit.fields'), dataIndex: 'fields', render: words.fields },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (o: string) => <Tag color={o === 'ok' ? 'success' : 'error'}>{words.outcome(o)}</Tag>,
    },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', width: 120 },
    ...(log
      ? []
      : [
          {
            key: 'requestId',
            title: t('common.requestId'),
            dataIndex: 'requestId',
            width: 120,
            ellipsis: true,
          },
        ]),
  ];
}
