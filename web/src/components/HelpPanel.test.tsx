/** A page's 使用说明: open at first, closed once the user closes it (on that device), and opened again. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithApp } from '../test/render.tsx';
import { setLang } from '../i18n/lang.ts';
import { HelpPanel } from './HelpPanel.tsx';

describe('HelpPanel', () => {
  it('shows the page’s lines until closed, remembers that, and opens again on request', () => {
    const first = renderWithApp(<HelpPanel page="worklist" />);
    const panel = screen.getByTestId('help-worklist');
    expect(panel.querySelectorAll('li')).toHaveLength(3);
    expect(panel.textContent).toContain('使用说明');
    fireEvent.click(screen.getByRole('button', { name: '收起使用说明' }));
    expect(screen.queryByTestId('help-worklist')).toBeNull();
    first.unmount();
    // Another visit to the page on this device: closed, a link opens it.
    renderWithApp(<HelpPanel page="worklist" />);
    expect(screen.queryByTestId('help-worklist')).toBeNull();
    fireEvent.click(screen.getByTestId('help-open-worklist'));
    expect(screen.getByTestId('help-worklist')).toBeTruthy();
  });

  it('is in English after the switch, and each page has its own', () => {
    setLang('en');
    renderWithApp(<HelpPanel page="residentForm" />);
    expect(screen.getByTestId('help-residentForm').textContent).toContain('Start with the ID number');
  });
});
