/**
 * Journeys (b) a village doctor creates a record: the mistyped ID number shows the check-digit error,
 * the fixed one fills in birth date and sex; saves; edits the phone; the history shows two versions.
 * (c) A doctor of another village searching for that resident finds nothing, and the record's address
 * answers "not found or not in your area".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit } from '@jkda/domain/id-number';
import {
  apiAs,
  documentWidth,
  hasChromium,
  journeyEnv,
  newPage,
  newPhonePage,
  PHONE,
  screenshot,
  signIn,
  SKIP_REASON,
} from './browser.ts';
import { fromView, toPayload } from '../src/pages/resident-form/formModel.ts';
import type { ResidentView } from '../src/record/types.ts';
import { fill, fillBasicInfo, formActions, resetFormActions, saveAndWait } from './formDriver.ts';
import type { JourneyStack } from './stack.ts';

if (!hasChromium) console.warn(SKIP_REASON);

/** A valid ID number of this county that no seeded resident has. */
async function freshIdNumber(stack: JourneyStack): Promise<string> {
  const county = await apiAs(stack.apiURL, 'county');
  for (let seq = 901; seq < 999; seq += 2) {
    const first17 = `34152419850317${seq}`.slice(0, 17);
    const id = first17 + idCheckDigit(first17);
    const found = await county.get<{ total: number }>(`/api/residents?q=${id}&status=all`);
    if (found.total === 0) return id;
  }
  throw new Error('no free ID number');
}

describe.skipIf(!hasChromium)('browser: create, edit, history, other village', () => {
  const env = journeyEnv();
  let idNumber = '';
  let recordId = 0;
  const name = '司马青云';
  // A resident of the doctor's own village, by ID number: typing it stops a second record at the ID field.
  let existing = { idNumber: '', recordNumber: '' };

  beforeAll(async () => {
    idNumber = await freshIdNumber(env.stack);
    const doctor = await apiAs(env.stack.apiURL, 'cunyi');
    const { items } = await doctor.get<{ items: { id: number }[] }>('/api/residents?pageSize=20');
    for (const r of items) {
      const full = await doctor.get<{ idType: string; idNumber: string | null; recordNumber: string }>(
        `/api/residents/${r.id}`,
      );
      if (full.idType === '01' && full.idNumber) {
        existing = { idNumber: full.idNumber, recordNumber: full.recordNumber };
        break;
      }
    }
    expect(existing.idNumber).not.toBe('');
  });

  it('(b) creates a record with ID checks, edits the phone, sees two versions', async () => {
    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi');
    await page.locator('.ant-menu').getByText('新建档案').click();
    await page.waitForURL('**/residents/new');

    resetFormActions();
    await fill(page, 'name', name);
    // A number that already has a record: said at the ID field, before anything else is filled in.
    await fill(page, 'idNumber', existing.idNumber);
    await page.getByTestId('id-holder').getByText(existing.recordNumber, { exact: false }).waitFor();
    await page.getByTestId('id-holder').getByRole('link', { name: '打开这份档案' }).waitFor();
    await screenshot(page, 'b-form-id-has-record', false);
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
    await fill(page, 'idNumber', wrong);
    await page.getByText('身份证号校验位不对，请核对是否输错').waitFor();
    await screenshot(page, 'b-form-check-digit-error', false);

    await fill(page, 'idNumber', idNumber);
    await page.getByTestId('id-filled').waitFor();
    await expect.poll(() => page.locator('#resident_birthDate').inputValue()).toBe('1985-03-17');
    const sex = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
    await expect.poll(() => page.locator('#resident_sex .ant-radio-wrapper-checked').textContent()).toBe(sex);
    await expect.poll(() => page.getByText('身份证号校验位不对，请核对是否输错').count()).toBe(0);
    expect(await page.getByTestId('id-holder').count()).toBe(0);

    await fill(page, 'phone', '139 1234 5678');
    await fill(page, 'currentAddress', '金寨县梅山镇青坊村新村组8号');
    await fillBasicInfo(page);
    await screenshot(page, 'b-form-filled');
    await saveAndWait(page, /\/residents\/\d+$/);
    // The journey also types a number that has a record and a mistyped one: a doctor who types the right
    // number once takes two entries fewer.
    const { clicks, entries } = formActions;
    console.log(
      `[create journey] user actions for a complete new record: ${clicks} clicks and ${entries} entries (${entries - 2} without the two wrong numbers)`,
    );
    expect(clicks + entries).toBeLessThanOrEqual(45);
    recordId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByText('13912345678').waitFor();

    await page.getByRole('button', { name: '编辑' }).click();
    await page.waitForURL(`**/residents/${recordId}/edit`);
    await fill(page, 'phone', '13800001111');
    await saveAndWait(page, `**/residents/${recordId}`);
    await page.getByText('13800001111').waitFor();

    await page.getByRole('tab', { name: '变更记录' }).click();
    const versions = page.getByTestId('history-version');
    await expect.poll(() => versions.count()).toBe(2);
    const latest = versions.first();
    await latest.getByText('本人电话').waitFor();
    // The history masks identifiers like every list (the record alone shows them whole).
    await latest.getByText('139****5678').waitFor();
    await latest.getByText('138****1111').waitFor();
    await screenshot(page, 'b-create-edit-history');
    await page.context().close();
  });

  it('on a phone: a new record with an ID number that has one is stopped at the ID field', async () => {
    const page = await newPhonePage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi');
    await page.goto('/residents/new');
    await fill(page, 'name', name);
    await fill(page, 'idNumber', existing.idNumber);
    const holder = page.getByTestId('id-holder');
    await holder.getByText(existing.recordNumber, { exact: false }).waitFor();
    await holder.getByRole('link', { name: '打开这份档案' }).waitFor();
    const box = await holder.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await documentWidth(page)).toBe(PHONE.width);
    await screenshot(page, 'b-form-id-has-record-phone', false);
    await page.context().close();
  });

  it('(c) a doctor of another village finds nothing', async () => {
    expect(recordId).toBeGreaterThan(0);
    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi2');
    await page.goto('/residents');
    await page.getByPlaceholder('身份证号 / 档案编号').fill(idNumber);
    await page.getByText(`没有找到与“${idNumber}”匹配的居民`).waitFor();
    await page.getByPlaceholder('身份证号 / 档案编号').fill(name);
    await page.getByText(`没有找到与“${name}”匹配的居民`).waitFor();
    await screenshot(page, 'c-other-village-search');

    await page.goto(`/residents/${recordId}`);
    await page.getByText('未找到，或不在您的管辖范围内。').waitFor();
    await page.context().close();
  });

  it('(b) a stale version: someone else saved meanwhile; reload, compare, keep my edits', async () => {
    expect(recordId).toBeGreaterThan(0);
    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi');
    await page.goto(`/residents/${recordId}/edit`);
    await page.locator('#resident_phone').waitFor();

    const other = await apiAs(env.stack.apiURL, 'xiangzhen');
    const view = await other.get<ResidentView>(`/api/residents/${recordId}`);
    const body = {
      ...toPayload(fromView(view)),
      currentAddress: '金寨县梅山镇青坊村新村组18号',
      version: view.version,
    };
    const put = await fetch(`${env.stack.apiURL}/api/residents/${recordId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(put.status).toBe(200);

    await fill(page, 'phone', '13700002222');
    await page.getByTestId('save').click();
    await page.getByText('其他人已修改了这份档案').waitFor();
    await page.getByRole('button', { name: '重新加载并对比' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('金寨县梅山镇青坊村新村组18号').waitFor();
    await screenshot(page, 'b-stale-compare', false);
    await page.getByTestId('keep-mine').click();
    await expect
      .poll(() => page.locator('#resident_currentAddress').inputValue())
      .toBe('金寨县梅山镇青坊村新村组18号');
    expect(await page.locator('#resident_phone').inputValue()).toBe('13700002222');
    await saveAndWait(page, `**/residents/${recordId}`);
    await page.getByText('13700002222').waitFor();
    await page.getByText('金寨县梅山镇青坊村新村组18号').waitFor();
    await page.context().close();
  });
});
