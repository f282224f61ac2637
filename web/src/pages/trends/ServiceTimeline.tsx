/**
 * The resident's programs (enrolment status; the elderly register with its last health check) and every
 * service in time order, oldest first; a click on a service opens it (onOpen).
 */
import { Space, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import { actionWords, classificationWords } from '../followup/FollowUpPage.tsx';
import { resultWords, serviceTypeName } from '../services/serviceTypes.ts';
import type { ServiceItem } from '../services/services.api.ts';
import { chronological } from './trendOptions.ts';

const programKey = (program: string) =>
  program === 'elderly' ? 'svc.program.elderly' : `wl.program.${program}`;

export function ServiceTimeline({
  data,
  onOpen,
}: {
  data: {
    enrolments: {
      id: number;
      program: string;
      status: string;
      enrolledOn: string;
      lastCheckDate?: string | null;
    }[];
    items: ServiceItem[];
  };
  onOpen?: (item: ServiceItem) => void;
}) {
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
              {key(programKey(e.program), e.program)} · {key(`tr.enrolment.${e.status}`, e.status)} ·{' '}
              {t('tr.enrolledOn', { date: e.enrolledOn })}
              {e.program === 'elderly' &&
                ` · ${e.lastCheckDate ? t('svc.lastCheck', { date: e.lastCheckDate }) : t('svc.noCheck')}`}
            </Tag>
          ))}
        </Space>
      )}
      <Typography.Text strong>{t('tr.timeline')}</Typography.Text>
      <Timeline
        items={items.map((s) => {
          const result = resultWords(s.type, s.classification, lang);
          const cls = result === '' ? classificationWords(s.classification, lang) : '';
          const controlled = s.classification === 'controlled' || s.classification === '1';
          const values = [
            s.sbp !== null ? `${s.sbp}/${s.dbp ?? ''} mmHg` : '',
            s.fastingGlucose !== null ? `${s.fastingGlucose} mmol/L` : '',
          ].filter((x) => x !== '');
          return {
            key: s.id,
            color: s.status !== 'signed' ? 'gray' : cls === '' ? 'blue' : controlled ? 'green' : 'red',
            content: (
              <div
                data-testid="timeline-item"
                role={onOpen ? 'button' : undefined}
                tabIndex={onOpen ? 0 : undefined}
                style={onOpen ? { cursor: 'pointer' } : undefined}
                onClick={onOpen ? () => onOpen(s) : undefined}
                onKeyDown={
                  onOpen
                    ? (ev) => {
                        if (ev.key === 'Enter') onOpen(s);
                      }
                    : undefined
                }
              >
                <Space wrap size={4}>
                  <Typography.Text strong>{s.serviceDate}</Typography.Text>
                  <span>{serviceTypeName(s.type, lang)}</span>
                  <Tag>{key(`fu.delivery.${s.delivery}`, s.delivery)}</Tag>
                  {cls !== '' && <Tag color={controlled ? 'success' : 'error'}>{cls}</Tag>}
                  {result !== '' && <Tag color="processing">{result}</Tag>}
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
