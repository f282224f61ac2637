/**
 * On the record's services tab: the plan of each scheduled register the resident is managed in (the
 * prenatal visits by gestational week, the child checks by age), each service with its window and where it
 * stands, a button to record what is due and a link to the record of what was done; and the other records
 * the resident's records name (the babies of a pregnancy outcome). Plans and words come from the registry.
 */
import { Link } from 'react-router';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { programRegistry, type PlanState } from '@jkda/domain';
import { pathOf } from '../../app/routeTable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { registerLabel } from '../../programs/index.ts';
import type { ServiceList } from '../services/services.api.ts';

const COLOR: Record<PlanState, string> = {
  done: 'success',
  due: 'processing',
  overdue: 'error',
  missed: 'warning',
  upcoming: 'default',
};

export function SchedulePlans({
  plans,
  onRecord,
  onOpen,
}: {
  plans: ServiceList['plans'];
  /** Start a record of the type; absent when the user cannot write. */
  onRecord?: (type: string) => void;
  onOpen: (type: string, recordId: number) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      {plans.map((p) => {
        const schedule = programRegistry.register(p.program)?.schedule;
        return (
          <Card
            key={p.program}
            size="small"
            title={t('plan.title', { register: registerLabel(p.program, lang) })}
            data-testid={`plan-${p.program}`}
          >
            <List
              size="small"
              dataSource={p.services}
              renderItem={(s) => (
                <List.Item
                  data-testid="plan-item"
                  data-key={s.key}
                  data-state={s.state}
                  actions={
                    s.recordId !== null
                      ? [
                          <Button
                            key="open"
                            type="link"
                            size="small"
                            onClick={() => onOpen(s.type, s.recordId!)}
                          >
                            {t('plan.open')}
                          </Button>,
                        ]
                      : (s.state === 'due' || s.state === 'overdue') && onRecord
                        ? [
                            <Button key="record" size="small" type="primary" onClick={() => onRecord(s.type)}>
                              {t('plan.record')}
                            </Button>,
                          ]
                        : []
                  }
                >
                  <Space wrap size={[8, 0]}>
                    <Typography.Text strong={s.state === 'due' || s.state === 'overdue'}>
                      {schedule?.dueWords(s.key, lang) ?? s.key}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t('plan.window', { from: s.from, by: s.by })}
                      {s.expected && ` · ${t('plan.expected')}`}
                    </Typography.Text>
                    <Tag color={COLOR[s.state]}>
                      {s.doneOn ? t('plan.doneOn', { date: s.doneOn }) : t(`plan.state.${s.state}`)}
                    </Tag>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        );
      })}
    </>
  );
}

/** The records the resident's records name, each a link to that record. */
export function LinkedRecords({ linked }: { linked: ServiceList['linked'] }) {
  const { t, lang } = useI18n();
  if (linked.length === 0) return null;
  return (
    <Card size="small" title={t('linked.title')} data-testid="linked-records">
      <List
        size="small"
        dataSource={linked}
        renderItem={(l) => (
          <List.Item key={`${l.serviceId}-${l.residentId}`}>
            <Space wrap>
              <Typography.Text type="secondary">
                {t('linked.named', { type: programRegistry.typeLabel(l.type, lang), date: l.serviceDate })}
              </Typography.Text>
              <Link to={pathOf('resident', { id: l.residentId })} data-testid="linked-resident">
                {l.name}
              </Link>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
