/** The QR code of a new authenticator secret, with the secret itself for typing in when scanning fails. */
import { QRCode, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TotpEnrolment } from './account.api.ts';
import './tfa.css';

export function TotpSetup({ enrolment }: { enrolment: TotpEnrolment }) {
  const { t } = useI18n();
  // Groups of four, as authenticator apps show keys.
  const grouped = enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ');
  return (
    <Space orientation="vertical" align="center" className="totp-setup" data-testid="totp-setup">
      <QRCode value={enrolment.otpauthUri} size={180} bordered={false} />
      <Typography.Text type="secondary">{t('tfa.secretHint')}</Typography.Text>
      <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="totp-secret">
        {grouped}
      </Typography.Text>
    </Space>
  );
}
