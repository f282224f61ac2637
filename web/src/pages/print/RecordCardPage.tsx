/**
 * 居民健康档案信息卡, rendered for printing from the browser on A4 or A5 (print CSS hides the toolbar
 * and sets the page size).
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Segmented, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { pathOf } from '../../app/routeTable.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { chronicText, multiText } from '../../record/format.ts';
import { cardApi } from './card.api.ts';
import './card.css';

type Paper = 'A4' | 'A5';

export function RecordCardPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const [paper, setPaper] = useState<Paper>(() =>
    localStorage.getItem('jkda.cardPaper') === 'A4' ? 'A4' : 'A5',
  );
  const { data: r, error, loading, reload } = useAsync((s) => cardApi.get(id, s), [id]);

  useEffect(() => {
    localStorage.setItem('jkda.cardPaper', paper);
    document.title = `${t('card.title')}${r ? ` - ${r.name}` : ''}`;
  }, [paper, r, t]);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading || !r) return <PageLoading />;

  const b = r.basicInfo;
  const rows: [string, string, string?, string?][] = [
    [t('field.name'), r.name, t('field.sex'), codeLabel('sex', r.sex, lang)],
    [t('field.birthDate'), r.birthDate, t('card.recordNumber'), r.recordNumber],
    [t('field.idNumber'), r.idNumber ?? '—'],
    [t('card.address'), r.currentAddress ?? '—'],
    [
      t('card.phone'),
      r.phone ?? '—',
      t('card.bloodType'),
      `${codeLabel('bloodType', b.bloodType, lang)}  RH${codeLabel('rh', b.rh, lang)}`,
    ],
    [t('card.chronic'), chronicText(b.diseases, lang, t('card.none'))],
    [t('card.allergy'), multiText('drugAllergy', b.drugAllergy, lang)],
    [t('card.contact'), b.contactName ?? '—', t('card.contactPhone'), b.contactPhone ?? '—'],
    [t('card.doctor'), r.responsibleDoctor?.name ?? '—', t('card.institution'), r.institution?.name ?? '—'],
  ];

  return (
    <div className="card-page">
      <style>{`@page { size: ${paper} portrait; margin: 12mm; }`}</style>
      <Space className="card-toolbar no-print" wrap>
        <Link to={pathOf('resident', { id: r.id })}>
          <Button icon={<ArrowLeftOutlined />}>{t('card.backToRecord')}</Button>
        </Link>
        <span>{t('card.paper')}</span>
        <Segmented<Paper> options={['A5', 'A4']} value={paper} onChange={setPaper} />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('common.print')}
        </Button>
      </Space>
      <section className={`record-card paper-${paper}`} data-testid="record-card">
        <h1>{t('card.title')}</h1>
        <table>
          <tbody>
            {rows.map(([l1, v1, l2, v2]) => (
              <tr key={l1}>
                <th>{l1}</th>
                <td colSpan={l2 ? 1 : 3}>{v1}</td>
                {l2 && (
                  <>
                    <th>{l2}</th>
                    <td>{v2}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="record-card-note">{t('card.note')}</p>
      </section>
    </div>
  );
}
