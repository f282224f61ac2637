/** The ten recovery codes, shown once after an enrolment, to write down or copy. */
import { Alert, Button, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import './tfa.css';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone?: () => void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="recovery-codes">
      <Alert type="warning" showIcon title={t('tfa.codesTitle')} description={t('tfa.codesIntro')} />
      <ol className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <Typography.Text code>{c}</Typography.Text>
          </li>
        ))}
      </ol>
      <Space wrap>
        <Typography.Text copyable={{ text: codes.join('\n') }}>{t('tfa.copy')}</Typography.Text>
        {onDone && (
          <Button type="primary" onClick={onDone}>
            {t('tfa.codesSaved')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
