/** A page-level error: network failure, not found / not in your area, no permission, or a server error with its request id. */
import { Button, Result, Typography } from 'antd';
import { describeError } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { lang, t } = useI18n();
  const d = describeError(error, lang);
  const status =
    d.kind === 'not_found' ? '404' : d.kind === 'forbidden' ? '403' : d.kind === 'server' ? '500' : 'warning';
  return (
    <Result
      status={status}
      title={d.title}
      subTitle={
        d.requestId ? (
          <span>
            {d.message.replace(` ${t('error.quoteRequestId', { id: d.requestId })}`, '')}
            <br />
            {t('common.requestId')}
            {t('common.colon')}
            <Typography.Text copyable code data-testid="request-id">
              {d.requestId}
            </Typography.Text>
          </span>
        ) : (
          d.message
        )
      }
      extra={
        onRetry && d.kind !== 'not_found' && d.kind !== 'forbidden' ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
