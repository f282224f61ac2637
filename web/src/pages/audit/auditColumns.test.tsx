/** The audit row columns the log page and the record's audit tab share: each view's columns and cells. */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Table } from 'antd';
import { translate } from '../../i18n/messages.ts';
import type { AuditEntry } from './audit.api.ts';
import { auditColumns, type AuditView } from './auditColumns.tsx';
import { auditRow } from './auditRow.fixture.ts';

const row = auditRow();

const t = (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) => translate('zh', k, v);

function mount(view: AuditView) {
  render(
    <MemoryRouter>
      <Table<AuditEntry> rowKey="id" dataSource={[row]} pagination={false} columns={auditColumns(view, t)} />
    </MemoryRouter>,
  );
  return [...document.querySelectorAll('thead th')].map((th) => th.textContent);
}

describe('auditColumns', () => {
  it('log: the sign-in name after the name, and a link to the record', () => {
    expect(mount('log')).toEqual(['时间', '用户', '操作', '档案', '涉及内容', '结果', 'IP地址']);
    expect(screen.getByText('county')).toBeTruthy();
    expect(screen.getByText('档案 #42').closest('a')?.getAttribute('href')).toBe('/residents/42');
    expect(screen.getByText('结案')).toBeTruthy();
  });

  it('record: the name only, and the request id', () => {
    expect(mount('record')).toEqual(['时间', '用户', '操作', '涉及内容', '结果', 'IP地址', '请求编号']);
    expect(screen.getByText('县卫健委管理员 张科长')).toBeTruthy();
    expect(screen.queryByText('county')).toBeNull();
    expect(screen.getByText('r1')).toBeTruthy();
  });
});
