/**
 * What the server said about a save that needs the user: the ID number already has a record (with a
 * link to it), a possible duplicate (with the candidates and a way to go on), or someone else saved
 * the record meanwhile (with a way to reload and compare).
 */
import { Link } from 'react-router';
import { Alert, Button, Space } from 'antd';
import type { ApiErrorBody } from '../../api/client.ts';
import { pathOf } from '../../app/routeTable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export type SaveProblem =
  | { kind: 'duplicate'; message: string; existing?: NonNullable<ApiErrorBody['existing']> }
  | {
      kind: 'possible';
      message: string;
      candidates: NonNullable<ApiErrorBody['candidates']>;
      elsewhere: number;
    }
  | { kind: 'stale'; message: string; currentVersion: number };

interface Props {
  problem: SaveProblem;
  onConfirmCreate: () => void;
  onReloadCompare: () => void;
}

export function ProblemAlert({ problem, onConfirmCreate, onReloadCompare }: Props) {
  const { t } = useI18n();
  switch (problem.kind) {
    case 'duplicate':
      return (
        <Alert
          type="error"
          showIcon
          data-testid="duplicate-alert"
          title={t('form.duplicateTitle')}
          description={
            <Space orientation="vertical">
              <span>{problem.message}</span>
              {problem.existing && (
                <Link to={pathOf('resident', { id: problem.existing.id })}>
                  {t('form.openExisting', { no: problem.existing.recordNumber })}
                </Link>
              )}
            </Space>
          }
        />
      );
    case 'possible':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="possible-duplicate-alert"
          title={t('form.possibleDupTitle')}
          description={
            <Space orientation="vertical">
              <span>{problem.message}</span>
              {problem.candidates.map((c) => (
                <Link key={c.id} to={pathOf('resident', { id: c.id })} target="_blank">
                  {c.name} · {c.villageName} · {c.recordNumber}
                </Link>
              ))}
              {problem.elsewhere > 0 && (
                <span>{t('form.possibleDupElsewhere', { n: problem.elsewhere })}</span>
              )}
              <Button onClick={onConfirmCreate}>{t('form.confirmCreate')}</Button>
            </Space>
          }
        />
      );
    case 'stale':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="stale-alert"
          title={t('form.staleTitle')}
          description={
            <Space orientation="vertical">
              <span>{t('form.staleBody', { v: problem.currentVersion })}</span>
              <Button type="primary" onClick={onReloadCompare}>
                {t('form.reloadCompare')}
              </Button>
            </Space>
          }
        />
      );
  }
}
