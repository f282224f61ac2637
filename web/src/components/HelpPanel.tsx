/**
 * A page's 使用说明 (how to use it): a few lines on what the page is for and how to get through it, behind a
 * small link at the top of the page. Open until the user closes it the first time, then closed on that
 * device (each page remembers its own).
 */
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';
import type { MsgKey } from '../i18n/messages.ts';

export type HelpPage =
  'home' | 'worklist' | 'residents' | 'residentForm' | 'followUp' | 'households' | 'auditLog';

const storageKey = (page: HelpPage) => `jkda.help.${page}.closed`;

export function HelpPanel({ page }: { page: HelpPage }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(() => localStorage.getItem(storageKey(page)) !== '1');
  const lines = t(`help.${page}` as MsgKey).split('\n');
  const close = () => {
    localStorage.setItem(storageKey(page), '1');
    setOpen(false);
  };
  if (!open)
    return (
      <div className="help-toggle no-print">
        <Button
          type="link"
          size="small"
          icon={<QuestionCircleOutlined />}
          onClick={() => setOpen(true)}
          data-testid={`help-open-${page}`}
        >
          {t('help.title')}
        </Button>
      </div>
    );
  return (
    <Alert
      className="help-panel no-print"
      type="info"
      showIcon
      icon={<QuestionCircleOutlined />}
      closable={{ onClose: close, 'aria-label': t('help.close') }}
      data-testid={`help-${page}`}
      title={t('help.title')}
      description={
        <ul className="help-lines">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
