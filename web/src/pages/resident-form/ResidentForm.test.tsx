/** The record form in a simulated browser: rules shown as the user types, and the server's 409 answers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { idCheckDigit } from '@jkda/domain/id-number';
import { ApiError } from '../../api/client.ts';
import { renderWithApp, stubApi } from '../../test/render.tsx';
import { emptyValues } from './formModel.ts';
import { ResidentForm, type ResidentFormProps } from './ResidentForm.tsx';
import { submitComplete } from './testForm.ts';

const FIRST17 = '34152419850317902';
const ID = FIRST17 + idCheckDigit(FIRST17);
const WRONG_ID = FIRST17 + (ID.endsWith('1') ? '2' : '1');

function setup(
  save: ResidentFormProps['save'] = vi.fn(() => Promise.resolve()),
  checkIdNumber?: ResidentFormProps['checkIdNumber'],
) {
  stubApi();
  const initial = emptyValues({ today: '2026-01-01', villageCode: '341524100201' });
  renderWithApp(
    <ResidentForm initial={initial} save={save} onCancel={() => undefined} checkIdNumber={checkIdNumber} />,
  );
  return save;
}

const OTHER17 = '34152419700101003';
const OTHER_ID = OTHER17 + idCheckDigit(OTHER17);

const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id)!, { target: { value } });

afterEach(() => vi.unstubAllGlobals());

describe('ResidentForm', () => {
  it('shows the check-digit error for a mistyped ID number, fills birth date and sex from a correct one, and says at once who holds a record with it', async () => {
    const checkIdNumber = vi.fn((_type: string, idNumber: string) =>
      Promise.resolve(
        idNumber === ID
          ? ({ status: 'elsewhere', institution: '梅山镇卫生院' } as const)
          : ({ status: 'here', id: 77, recordNumber: '34152410020100077' } as const),
      ),
    );
    setup(undefined, checkIdNumber);
    type('resident_idNumber', WRONG_ID);
    expect(await screen.findByText('身份证号校验位不对，请核对是否输错')).toBeTruthy();

    type('resident_idNumber', ID.toLowerCase());
    await screen.findByText('已按身份证号填写出生日期和性别');
    expect((document.getElementById('resident_idNumber') as HTMLInputElement).value).toBe(ID);
    expect((document.getElementById('resident_birthDate') as HTMLInputElement).value).toBe('1985-03-17');
    const checked = document.querySelector('#resident_sex .ant-radio-wrapper-checked');
    expect(checked?.textContent).toBe('女');
    await waitFor(() => expect(screen.queryByText('身份证号校验位不对，请核对是否输错')).toBeNull());

    // Checked as soon as it is complete and correct (not the mistyped one), before the other fields.
    const notice = await screen.findByTestId('id-holder');
    expect(notice.textContent).toContain('该身份证号已在「梅山镇卫生院」建档');
    expect(notice.textContent).toContain('请联系该机构办理档案迁移');
    expect(checkIdNumber.mock.calls).toEqual([['01', ID]]);
    // A record the user may open: its number and a link to it.
    type('resident_idNumber', OTHER_ID);
    await waitFor(() => expect(screen.getByTestId('id-holder').textContent).toContain('34152410020100077'));
    expect(screen.getByRole('link', { name: '打开这份档案' }).getAttribute('href')).toBe('/residents/77');
    // An incomplete number: the notice goes.
    type('resident_idNumber', OTHER_ID.slice(0, 10));
    await waitFor(() => expect(screen.queryByTestId('id-holder')).toBeNull());
  });

  it('checks the phone format as the user types', async () => {
    setup();
    type('resident_phone', '1391234567');
    expect(await screen.findByText('电话号码不正确（11位手机号或区号-座机号）')).toBeTruthy();
    type('resident_phone', '13912345678');
    await waitFor(() => expect(screen.queryByText('电话号码不正确（11位手机号或区号-座机号）')).toBeNull());
  });

  it('marks required fields and does not save an incomplete form', async () => {
    const save = setup();
    await act(async () => {
      fireEvent.click(screen.getByTestId('save'));
      await new Promise((r) => setTimeout(r, 50));
    });
    await waitFor(() => expect(screen.getAllByText('必填').length).toBeGreaterThan(5));
    expect(screen.getAllByText('请至少选择一项').length).toBeGreaterThan(3);
    expect(save).not.toHaveBeenCalled();
  });
});

describe('ResidentForm answers of the server', () => {
  it('links to the existing record when the ID number already has one', async () => {
    const save = vi.fn(() =>
      Promise.reject(
        new ApiError(409, {
          code: 'duplicate_id_number',
          message: '该身份证号已建档。',
          details: [{ field: 'idNumber', code: 'duplicate_id_number', message: '该身份证号已建档。' }],
          existing: { id: 77, recordNumber: '34152410020100077' },
        }),
      ),
    );
    setup(save);
    await submitComplete(ID);
    const link = await screen.findByText('打开已有档案 34152410020100077');
    expect(link.closest('a')?.getAttribute('href')).toBe('/residents/77');
  });

  it('asks to confirm a possible duplicate, then saves with confirmPossibleDuplicate', async () => {
    const save = vi
      .fn<(p: Record<string, unknown>, confirm: boolean) => Promise<void>>()
      .mockRejectedValueOnce(
        new ApiError(409, {
          code: 'possible_duplicate',
          message: '已有姓名、性别、出生日期相同的档案，请核对；确认不是同一人后可继续建档。',
          details: [],
          candidates: [{ id: 5, recordNumber: '34152410020100005', name: '司马青云', villageName: '青坊村' }],
          elsewhere: 0,
        }),
      )
      .mockResolvedValueOnce(undefined);
    setup(save);
    await submitComplete(ID);
    fireEvent.click(await screen.findByText('核对过了，不是同一人，继续建档'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1]?.[1]).toBe(true);
  });
});
