/** 手术/外伤/输血: 无 or 有 with up to two rows of name and date. */
import { Button, DatePicker, Input, Radio } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/i18n.tsx';

export interface EventValue {
  has?: boolean;
  items?: { name?: string; date?: string }[];
}

interface Props {
  value?: EventValue;
  onChange?: (v: EventValue) => void;
  id?: string;
}

const MAX_ROWS = 2;

export function EventHistoryInput({ value, onChange, id }: Props) {
  const { t } = useI18n();
  const items = value?.items ?? [];
  const setItems = (next: EventValue['items']) => onChange?.({ has: value?.has ?? true, items: next ?? [] });
  return (
    <div id={id} className="choice-item">
      <Radio.Group
        value={value?.has}
        onChange={(e) => {
          const has = e.target.value as boolean;
          onChange?.({ has, items: has ? (items.length ? items : [{}]) : [] });
        }}
        options={[
          { value: false, label: t('common.no') },
          { value: true, label: t('common.yes') },
        ]}
      />
      {value?.has &&
        items.map((row, i) => (
          <div key={i} className="choice-row">
            <Input
              style={{ width: 240 }}
              placeholder={t('form.eventName')}
              maxLength={50}
              value={row.name ?? ''}
              onChange={(e) => setItems(items.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
            />
            <DatePicker
              placeholder={t('form.eventDate')}
              value={row.date ? dayjs(row.date) : null}
              onChange={(d) =>
                setItems(
                  items.map((r, j) => (j === i ? { ...r, date: d ? d.format('YYYY-MM-DD') : undefined } : r)),
                )
              }
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
            {items.length > 1 && (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => setItems(items.filter((_, j) => j !== i))}
              />
            )}
          </div>
        ))}
      {value?.has && items.length < MAX_ROWS && (
        <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => setItems([...items, {}])}>
          {t('form.addRow')}
        </Button>
      )}
    </div>
  );
}
