/** A form's date: YYYY-MM-DD shown and typed, a string value, the days outside its range not offered. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/react';
import { renderWithApp } from '../test/render.tsx';
import { DateField } from './DateField.tsx';

describe('DateField', () => {
  it('shows its value as YYYY-MM-DD and gives a typed date as YYYY-MM-DD', () => {
    const onChange = vi.fn();
    renderWithApp(<DateField id="d" value="2026-03-09" onChange={onChange} max="2026-12-04" />);
    const box = document.getElementById('d') as HTMLInputElement;
    expect(box.value).toBe('2026-03-09');
    expect(box.placeholder).toBe('YYYY-MM-DD');
    fireEvent.mouseDown(box);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '2026-01-05' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith('2026-01-05');
  });

  it('does not take a day after max or before min', () => {
    const onChange = vi.fn();
    renderWithApp(
      <DateField id="d" value="2026-03-09" min="2026-03-05" max="2026-03-10" onChange={onChange} />,
    );
    const box = document.getElementById('d') as HTMLInputElement;
    const typeDay = (day: string) => {
      fireEvent.mouseDown(box);
      fireEvent.focus(box);
      fireEvent.change(box, { target: { value: day } });
      fireEvent.keyDown(box, { key: 'Enter', code: 'Enter' });
    };
    typeDay('2026-03-11');
    typeDay('2026-03-04');
    expect(onChange).not.toHaveBeenCalled();
    typeDay('2026-03-08');
    expect(onChange).toHaveBeenLastCalledWith('2026-03-08');
  });
});
