/**
 * The long choice lists of the record (ethnicity, education, occupation) filter by what is typed, and Enter
 * takes the matching choice or none: typing 初中 and Enter once saved 研究生, the first of the list.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Form, type FormInstance } from 'antd';
import { renderWithApp, stubApi } from '../../test/render.tsx';
import { SocialSection } from './SocialSection.tsx';

let form: FormInstance | undefined;
function Harness() {
  const [f] = Form.useForm();
  form = f;
  return (
    <Form form={f} name="resident">
      <SocialSection />
    </Form>
  );
}

afterEach(() => vi.unstubAllGlobals());

const typeInto = async (field: string, text: string) => {
  const input = document.querySelector<HTMLInputElement>(`#resident_basicInfo_${field}`)!;
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: text } });
  await act(async () => {
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await Promise.resolve();
  });
};

describe('SocialSection choice lists', () => {
  it.each([
    ['education', '初中', '7'],
    ['education', '本科', '2'],
    ['ethnicity', '回族', '03'],
  ])('%s: typing %s and Enter takes it', async (field, text, code) => {
    stubApi();
    renderWithApp(<Harness />);
    await screen.findByText('文化程度');
    await typeInto(field, text);
    await waitFor(() => expect(form!.getFieldValue(['basicInfo', field])).toBe(code));
  });

  it('Enter on a text no choice matches takes nothing', async () => {
    stubApi();
    renderWithApp(<Harness />);
    await screen.findByText('文化程度');
    await typeInto('education', '博士后');
    expect(form!.getFieldValue(['basicInfo', 'education'])).toBeUndefined();
  });
});
