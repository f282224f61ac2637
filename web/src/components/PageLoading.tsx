import { Spin } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}
