/**
 * The worklist on a phone: one card per resident, with who, where, what is due and since when, and the
 * action on the card itself (no table to scroll sideways). The page gives the cells it also shows in its
 * table, so both say the same.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Empty, Space, Typography } from 'antd';
import { pathOf } from '../../app/routeTable.tsx';
import type { WorklistItem } from './worklist.api.ts';

export interface WorklistCardCells {
  /** Sex and age, e.g. "女 67岁". */
  who: (r: WorklistItem) => ReactNode;
  /** Village and (masked) address. */
  where: (r: WorklistItem) => ReactNode;
  due: (r: WorklistItem) => ReactNode;
  overdue: (r: WorklistItem) => ReactNode;
  action: (r: WorklistItem) => ReactNode;
}

export function WorklistCards({
  rows,
  cells,
  empty,
}: {
  rows: WorklistItem[];
  cells: WorklistCardCells;
  empty: string;
}) {
  if (rows.length === 0) return <Empty description={empty} />;
  return (
    <div className="wl-cards">
      {rows.map((r) => (
        <Card key={r.residentId} size="small" className="wl-card" data-testid="wl-row">
          <div className="wl-card-head">
            <Space size={6} wrap>
              <Link to={pathOf('resident', { id: r.residentId })} className="wl-card-name">
                {r.name}
              </Link>
              <Typography.Text type="secondary">{cells.who(r)}</Typography.Text>
              {cells.overdue(r)}
            </Space>
            {cells.action(r)}
          </div>
          <div className="wl-card-due">{cells.due(r)}</div>
          <Typography.Text type="secondary" className="wl-card-where">
            {cells.where(r)}
          </Typography.Text>
        </Card>
      ))}
    </div>
  );
}
