/** The resident's programs (enrolment status) and every service in time order, oldest first. */
import { Space, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import type { ResidentServices } from '../followup/followup.api.ts';
import { actionWords, classificationWords } from '../followup/FollowUpPage.tsx';
import { chronological } from './trendOptions.ts';

const programOfType = (type: string) => (type === 'diabetes_followup' ? 'diabetes' : 'hypertension');

export function ServiceTimeline({ data }: { data: ResidentServices }) {
  const { t, lang } = useI18n();
  const key = (k: string, fallback: string) => (hasKey(k) ? t(k) : fallback);
  const items = chronological(data.items);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="service-timeline">
      {data.enrolments.length > 0 && (
        <Space wrap data-testid="enrolments">
          <Typography.Text strong>{t('tr.programs')}</Typography.Text>
          {data.enrolments.map((e) => (
            <Tag key={e.id} color={e.status === 'managed' ? 'processing' : 'default'}>
              {key(`wl.program.${e.program}`, e.program)} · {key(`tr.enrolment.${e.status}`, e.status)} ·{' '}
              {t('tr.enrolledOn', { date: e.enrolledOn })}
            </Tag>
          ))}
        </Space>
      )}
      <Typography.Text strong>{t('tr.timeline')}</Typography.Text>
      <Timeline
        items={items.map((s) => {
          const cls = classificationWords(s.classification, lang);
          const controlled = s.classification === 'controlled' || s.classification === '1';
          const values = [
            s.sbp !== null ? `${s.sbp}/${s.dbp ?? ''} mmHg` : '',
            s.fastingGlucose !== null ? `${s.fastingGlucose} mmol/L` : '',
          ].filter((x) => x !== '');
          return {
            key: s.id,
            color: s.status !== 'signed' ? 'gray' : cls === '' ? 'blue' : controlled ? 'green' : 'red',
            content: (
              <div data-testid="timeline-item">
                <Space wrap size={4}>
                  <Typography.Text strong>{s.serviceDate}</Typography.Text>
                  <span>{t(`tr.type.${programOfType(s.type)}`)}</span>
                  <Tag>{key(`fu.delivery.${s.delivery}`, s.delivery)}</Tag>
                  {cls !== '' && <Tag color={controlled ? 'success' : 'error'}>{cls}</Tag>}
                  {s.status !== 'signed' && <Tag>{t('fu.draft')}</Tag>}
                </Space>
                <div>
                  {values.join(' · ')}
                  {s.nextVisitDate && (
                    <Typography.Text type="secondary">
                      {values.length > 0 ? ' · ' : ''}
                      {t('tr.next', { date: s.nextVisitDate })}
                      {s.nextAction ? `（${actionWords(s.nextAction, lang)}）` : ''}
                    </Typography.Text>
                  )}
                </div>
              </div>
            ),
          };
        })}
      />
    </Space>
  );
}
