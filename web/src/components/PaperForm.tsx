/**
 * A page printed as its national paper form on A4 (the 记录表 of 国家基本公共卫生服务规范 第三版, the
 * 个人基本信息表): the page's own card, marked `paper-form`, with a head and a foot that show only on paper
 * (the form's name, 姓名 and 编号; the signature and the date), the app's chrome and the page's buttons
 * hidden, and the read-only controls drawn as a filled-in form: the value on a line, the chosen option of a
 * choice boxed among the others, as the paper lists them (paperForm.css). Printing is the browser's own
 * (window.print), so every form the app shows prints this way, and the paper it gives is what the
 * paper-to-electronic consistency check compares with.
 */
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';
import './paperForm.css';

/** The class of the card that prints as the paper form. */
export const PAPER_FORM = 'paper-form';

/**
 * One line of the head or foot (姓名：张三). Its words are drawn by the print style from the attributes, not
 * held as text: the page's own words (its title, the name) are not there twice for search or a screen reader.
 */
function PaperLine({ label, value }: { label: string; value: string | null }) {
  return (
    <span
      className="paper-line"
      data-label={`${label}：`}
      data-value={value || '\u3000\u3000\u3000\u3000\u3000'}
    />
  );
}

/** The paper's head: the form's name and the lines above its table (姓名, 编号 …); on paper only. */
export function PaperHead({ title, lines }: { title: string; lines: readonly [string, string][] }) {
  return (
    <div className="paper-only paper-head" data-testid="paper-head" data-title={title} aria-hidden>
      <style>{'@page { size: A4 portrait; margin: 12mm 14mm; }'}</style>
      <div className="paper-lines">
        {lines.map(([label, value]) => (
          <PaperLine key={label} label={label} value={value} />
        ))}
      </div>
    </div>
  );
}

/** The paper's foot: the lines under the form (随访医生签名, 日期 …), a blank line where nothing is stored. */
export function PaperFoot({ lines }: { lines: readonly [string, string | null][] }) {
  return (
    <div className="paper-only paper-foot" data-testid="paper-foot" aria-hidden>
      {lines.map(([label, value]) => (
        <PaperLine key={label} label={label} value={value} />
      ))}
    </div>
  );
}

/** Prints the page (its paper-form card) with the browser's print dialog. */
export function PrintButton({
  testId,
  label,
  onClick,
}: {
  testId: string;
  label?: string;
  onClick?: () => void;
}) {
  const { t } = useI18n();
  return (
    <Button
      className="no-print"
      icon={<PrinterOutlined />}
      data-testid={testId}
      onClick={onClick ?? (() => window.print())}
    >
      {label ?? t('common.print')}
    </Button>
  );
}
