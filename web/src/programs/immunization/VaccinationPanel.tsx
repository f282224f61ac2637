/**
 * The record's vaccination card: each dose of the child's schedule (given, due, overdue, not yet due), the
 * next dose, the catch-up plan for what was missed, and the vaccination certificate (预防接种证) to print.
 * Read from the resident's signed dose records (their stored result is the schedule's dose id).
 */
import { useMemo } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import {
  catchUpPlan,
  shippedScheduleFor,
  vaccinationStatus,
  type DoseState,
  type GivenDose,
  type Schedule,
} from '@jkda/domain/programs/immunization/index';
import { IMMUNIZATION_TYPES } from '@jkda/domain/programs/immunization/immunization.program';
import { countyToday } from '../../app/today.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ServiceItem } from '../../pages/services/services.api.ts';
import type { RecordPanelProps } from '../program-ui.ts';

const DOSE_TYPE = IMMUNIZATION_TYPES.vaccination;

const STATE_WORDS: Record<DoseState, [string, string, string]> = {
  complete: ['已接种', 'Given', 'success'],
  due: ['应种', 'Due', 'processing'],
  overdue: ['逾期未种', 'Overdue', 'error'],
  notYetDue: ['未到接种月龄', 'Not yet due', 'default'],
  notApplicable: ['不需接种', 'Not needed', 'default'],
};

/** The doses of the records: a dose id of the schedule, or `vaccine:number` for one outside it. */
export function givenOf(items: readonly ServiceItem[], schedule: Schedule): (GivenDose & { id: number })[] {
  return items
    .filter((i) => i.type === DOSE_TYPE && i.status === 'signed' && i.classification)
    .map((i) => {
      const dose = schedule.doses.find((d) => d.id === i.classification);
      const [vaccine, n] = dose ? [dose.vaccine, dose.doseNumber] : i.classification!.split(':');
      return { id: i.id, vaccine: String(vaccine), doseNumber: Number(n), date: i.serviceDate };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}

export function VaccinationPanel({ birthDate, items }: RecordPanelProps) {
  const { lang } = useI18n();
  const today = countyToday();
  const schedule = shippedScheduleFor(birthDate);
  const view = useMemo(() => {
    if (!schedule) return null;
    const records = givenOf(items, schedule);
    return {
      status: vaccinationStatus({ birthDate, today, records, schedule }),
      plan: catchUpPlan({ birthDate, today, records, schedule }),
    };
  }, [birthDate, items, schedule, today]);
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (!schedule || !view || age > 18) return null;
  const name = (code: string) => {
    const v = schedule.vaccines.find((x) => x.code === code);
    return v ? v[lang] : code;
  };
  const zh = lang === 'zh';
  const doses = view.status.doses.filter((d) => d.status !== 'notApplicable' || d.record);
  const overdue = doses.filter((d) => d.status === 'overdue').length;
  return (
    <Card
      size="small"
      className="vaccination-card"
      data-testid="vaccination-card"
      title={zh ? `预防接种（${schedule.title}）` : `Immunization (schedule ${schedule.version})`}
      extra={
        <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
          {zh ? '打印接种证' : 'Print certificate'}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        {view.status.next ? (
          <Typography.Text data-testid="vaccination-next">
            {zh ? '下一剂：' : 'Next dose: '}
            <b>
              {name(view.status.next.vaccine)} {zh ? '第' : 'dose '}
              {doses.find((d) => d.doseId === view.status.next!.doseId)?.doseNumber}
              {zh ? '剂' : ''}
            </b>{' '}
            {view.status.next.date}
          </Typography.Text>
        ) : (
          <Typography.Text>
            {zh ? '免疫规划疫苗已全部完成' : 'Every programme dose is complete'}
          </Typography.Text>
        )}
        {overdue > 0 && (
          <Tag color="error">{zh ? `逾期 ${overdue} 剂，需补种` : `${overdue} overdue: catch up`}</Tag>
        )}
      </Space>
      <Table
        size="small"
        rowKey="doseId"
        pagination={false}
        scroll={{ x: true }}
        dataSource={doses}
        columns={[
          { title: zh ? '疫苗' : 'Vaccine', dataIndex: 'vaccine', render: (v: string) => name(v) },
          { title: zh ? '剂次' : 'Dose', dataIndex: 'doseNumber' },
          {
            title: zh ? '接种日期 / 应种日期' : 'Given / due',
            key: 'date',
            render: (_, d) => d.record?.date ?? d.earliestDate ?? d.dueDate,
          },
          {
            title: zh ? '状态' : 'Status',
            dataIndex: 'status',
            render: (s: DoseState) => <Tag color={STATE_WORDS[s][2]}>{STATE_WORDS[s][zh ? 0 : 1]}</Tag>,
          },
        ]}
      />
      {view.plan.eligible && overdue > 0 && (
        <div style={{ marginTop: 8 }} data-testid="catch-up-plan">
          <Typography.Text strong>{zh ? '补种计划' : 'Catch-up plan'}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {view.plan.doses.map((d) => (
              <li key={d.doseId}>
                {d.date} {name(d.vaccine)} {zh ? `第${d.doseNumber}剂` : `dose ${d.doseNumber}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
