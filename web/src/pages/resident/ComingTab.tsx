/** A tab reserved for a service program that comes next (health checks, follow-ups, vaccinations). */
import { Empty, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';

export function ComingTab({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <Empty
      image={<ClockCircleOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />}
      description={
        <>
          <Typography.Title level={5}>{t('record.coming', { name })}</Typography.Title>
          <Typography.Text type="secondary">{t('record.comingHint')}</Typography.Text>
        </>
      }
    />
  );
}
