/** After a stale-version conflict: what changed in the latest record beside the user's own values. */
import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { useAreas, useDoctors } from '../../api/places.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldLabel, fieldValueText } from '../../record/fields.ts';
import type { FieldDiff } from './formModel.ts';

interface Props {
  open: boolean;
  diffs: FieldDiff[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onCancel: () => void;
}

export function CompareModal({ open, diffs, onKeepMine, onTakeTheirs, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const areas = useAreas();
  const doctors = useDoctors();
  const lookups = {
    villageName: (c: string) => areas?.find((a) => a.code === c)?.name,
    doctorName: (id: number) => doctors?.find((d) => d.id === id)?.name,
  };
  const rows = diffs.map((d) => ({
    key: d.field,
    field: fieldLabel(d.field, t),
    theirs: fieldValueText(d.field, d.theirs, i18n, lookups),
    mine: fieldValueText(d.field, d.mine, i18n, lookups),
    who: d.conflict
      ? t('form.changedBoth')
      : d.theirsChanged
        ? t('form.changedTheirs')
        : t('form.changedMine'),
    conflict: d.conflict,
  }));
  return (
    <Modal
      open={open}
      width={860}
      title={t('form.compareTitle')}
      onCancel={onCancel}
      footer={
        <Space wrap>
          <Button onClick={onTakeTheirs}>{t('form.takeTheirs')}</Button>
          <Button type="primary" onClick={onKeepMine} data-testid="keep-mine">
            {t('form.keepMine')}
          </Button>
        </Space>
      }
    >
      {rows.length === 0 ? (
        <Alert type="success" showIcon title={t('form.noDiff')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('form.compareHint')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            dataSource={rows}
            rowClassName={(r) => (r.conflict ? 'compare-conflict' : '')}
            columns={[
              { key: 'field', dataIndex: 'field', title: t('history.field'), width: '22%' },
              { key: 'who', dataIndex: 'who', title: t('form.changedBy'), width: '16%' },
              { key: 'theirs', dataIndex: 'theirs', title: t('form.theirs'), width: '31%' },
              {
                key: 'mine',
                dataIndex: 'mine',
                title: t('form.mine'),
                render: (v: string, r) =>
                  r.conflict ? <Typography.Text type="danger">{v}</Typography.Text> : v,
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
