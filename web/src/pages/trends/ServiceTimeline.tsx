/**
 * The resident's registers (enrolment status; a register without follow-ups with its last health check)
 * and every service in time order, oldest first; a click on a service opens it (onOpen). Names, results and
 * next steps come from the program registries.
 */
import { programRegistry } from '@jkda/domain';
import { Space, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import { actionWordsOf, registerLabel, resultOf } from '../../programs/index.ts';
import type { ResidentServices, ServiceListItem } from '../services/services.api.ts';
import { chronological } from './trendOptions.ts';

export function ServiceTimeline<T extends ServiceListItem>({
  data,
  onOpen,
}: {
  data: { enrolments: ResidentServices['enrolments']; items: T[] };
  onOpen?: (item: T) => void;
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
              {registerLabel(e.program, lang)} · {key(`tr.enrolment.${e.status}`, e.status)} ·{' '}
              {t('tr.enrolledOn', { date: e.enrolledOn })}
              {!programRegistry.register(e.program)?.followUpType &&
                ` · ${e.lastCheckDate ? t('svc.lastCheck', { date: e.lastCheckDate }) : t('svc.noCheck')}`}
            </Tag>
          ))}
        </Space>
      )}
      <Typography.Text strong>{t('tr.timeline')}</Typography.Text>
      <Timeline
        items={items.map((s) => {
          const result = resultOf(s.type, s.classification, lang);
          // The next step in words; a type without words for it shows none.
          const action = s.nextAction ? actionWordsOf(s.type, s.nextAction, lang) : '';
          const values = [
            s.sbp !== null ? `${s.sbp}/${s.dbp ?? ''} mmHg` : '',
            s.fastingGlucose !== null ? `${s.fastingGlucose} mmol/L` : '',
          ].filter((x) => x !== '');
          return {
            key: s.id,
            color:
              s.status !== 'signed'
                ? 'gray'
                : result.tone === null
                  ? 'blue'
                  : result.tone === 'good'
                    ? 'green'
                    : 'red',
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
                  <span>{programRegistry.typeLabel(s.type, lang)}</span>
                  <Tag>{key(`fu.delivery.${s.delivery}`, s.delivery)}</Tag>
                  {result.text !== '' && (
                    <Tag
                      color={
                        result.tone === null ? 'processing' : result.tone === 'good' ? 'success' : 'error'
                      }
                    >
                      {result.text}
                    </Tag>
                  )}
                  {s.status !== 'signed' && <Tag>{t('fu.draft')}</Tag>}
                </Space>
                <div>
                  {values.join(' · ')}
                  {s.nextVisitDate && (
                    <Typography.Text type="secondary">
                      {values.length > 0 ? ' · ' : ''}
                      {t('tr.next', { date: s.nextVisitDate })}
                      {action ? `（${action}）` : ''}
                    </Typography.Text>
                  )}
                  {!s.nextVisitDate && action && (
                    // A visit that did not take place (失访, 死亡): its outcome in place of a next visit.
                    <Typography.Text type="secondary">
                      {values.length > 0 ? ' · ' : ''}
                      {action}
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
