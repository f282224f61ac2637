/**
 * The resident picker against a stubbed API: typing searches (after a pause), a match chosen gives its id,
 * and an id chosen earlier shows the record's name once read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { renderWithApp, stubApi } from '../test/render.tsx';
import { ResidentPicker } from './ResidentPicker.tsx';

const HIT = {
  id: 88,
  recordNumber: '1',
  name: '李芳之女',
  sex: '2',
  birthDate: '2026-11-20',
  age: 0,
  idNumberMasked: null,
  phoneMasked: null,
  villageCode: '1',
  villageName: '青坊村',
  householdId: null,
  keyTags: [],
  status: 'active',
  version: 1,
};

afterEach(() => vi.unstubAllGlobals());

function Host({ initial, onChange }: { initial?: number; onChange: (v: number | undefined) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <ResidentPicker
      value={value}
      testId="picker"
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

describe('ResidentPicker', () => {
  it('searches as one types and gives the id of the match chosen', async () => {
    const calls = stubApi((_m, url) =>
      url.pathname === '/api/residents' ? { status: 200, body: { items: [HIT], total: 1 } } : undefined,
    );
    const onChange = vi.fn();
    renderWithApp(<Host onChange={onChange} />);
    const input = await screen.findByRole('combobox');
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: 'lf' } });
    const option = await screen.findByText('李芳之女 · 女 · 2026-11-20 · 青坊村', {}, { timeout: 2000 });
    expect(calls.find((c) => c.path === '/api/residents')).toBeDefined();
    fireEvent.click(option);
    expect(onChange).toHaveBeenCalledWith(88);
  });

  it('shows the name of a record chosen earlier', async () => {
    stubApi((_m, url) =>
      url.pathname === '/api/residents/88' ? { status: 200, body: { ...HIT, idNumber: null } } : undefined,
    );
    renderWithApp(<Host initial={88} onChange={() => undefined} />);
    await waitFor(() => expect(document.body.textContent).toContain('李芳之女 · 2026-11-20'));
  });
});
