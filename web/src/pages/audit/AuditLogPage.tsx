/**
 * The county's audit log: who viewed or changed which records, sign-ins and account changes, newest first,
 * in words, filtered by period, action, user name and outcome (county administrators and inspectors).
 */
import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { countyTimeZone } from '../../app/today.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { auditApi, dayStart, type AuditEntry, type AuditFilter } from './audit.api.ts';
import { auditColumns } from './auditColumns.tsx';
import { AUDIT_ACTIONS, auditWords } from './auditWords.ts';
import { HelpPanel } from '../../components/HelpPanel.tsx';

interface FilterForm {
  period?: [Dayjs | null, Dayjs | null] | null;
  action?: string;
  username?: string;
  outcome?: AuditFilter['outcome'];
}

function toFilter(v: FilterForm): AuditFilter {
  const zone = countyTimeZone();
  const [from, to] = v.period ?? [null, null];
  return {
    from: from ? dayStart(from.format('YYYY-MM-DD'), zone) : undefined,
    // The end day is included: up to the start of the day after it.
    to: to ? dayStart(to.add(1, 'day').format('YYYY-MM-DD'), zone) : undefined,
    action: v.action,
    username: v.username?.trim() || undefined,
    outcome: v.outcome,
  };
}

export function AuditLogPage() {
  const { t } = useI18n();
  const words = auditWords(t);
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync(
    (s) => auditApi.query(filter, page, s),
    [JSON.stringify(filter), page],
  );
  const apply = (v: FilterForm) => {
    setFilter(toFilter(v));
    setPage(1);
  };
  return (
    <Card title={t('nav.auditLog')}>
      <HelpPanel page="auditLog" />
      <Typography.Paragraph type="secondary">{t('auditLog.intro')}</Typography.Paragraph>
      <Form<FilterForm> form={form} layout="vertical" onFinish={apply}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="period" label={t('auditLog.period')}>
              <DatePicker.RangePicker format="YYYY-MM-DD" style={{ width: '100%' }} inputReadOnly />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="action" label={t('audit.action')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('auditLog.actionAny')}
                options={AUDIT_ACTIONS.map((a) => ({ value: a, label: words.action(a) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="username" label={t('auditLog.username')}>
              <Input allowClear autoCapitalize="none" />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="outcome" label={t('audit.outcome')}>
              <Select
                allowClear
                placeholder={t('auditLog.outcomeAny')}
                options={(['ok', 'denied', 'failed'] as const).map((o) => ({
                  value: o,
                  label: words.outcome(o),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <div style={{ display: 'flex', gap: 8, marginBottom: 16 }}>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('auditLog.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {t('auditLog.reset')}
          </Button>
        </div>
      </Form>
      {error ? (
        <ErrorResult error={error} onRetry={reload} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('audit.empty') }}
          scroll={{ x: 860 }}
          columns={auditColumns('log', t)}
        />
      )}
      <div style={{ marginTop: 12, display: 'flex', gap: 8 }}>
        {page > 1 && <Button onClick={() => setPage(page - 1)}>{t('common.prevPage')}</Button>}
        {data?.hasMore && <Button onClick={() => setPage(page + 1)}>{t('common.nextPage')}</Button>}
      </div>
    </Card>
  );
}
