/**
 * Households, the printable record card, the county administrator's 20,000-resident list (paging,
 * search and the Excel export button), the audit tab, and the error paths: session expiry, account
 * lock, network failure, a server error with its request id.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
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
import { buildResident } from '../../server/test/builders.ts';

if (!hasChromium) console.warn(SKIP_REASON);

/** Chooses an option of the select labelled `label` (the list is in a portal; it can close under a click). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.getByLabel(label, { exact: true }).click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .getByTitle(option, { exact: true })
        .click({ timeout: 4_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

const timed = async <T>(label: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const t0 = Date.now();
  const value = await fn();
  const ms = Date.now() - t0;
  console.log(`[measure] ${label}: ${ms} ms`);
  return { value, ms };
};

describe.skipIf(!hasChromium)('browser: households, card, administrators, errors', () => {
  const env = journeyEnv();
  let resident: { id: number; name: string; recordNumber: string; householdId: number | null };

  beforeAll(async () => {
    const doctor = await apiAs(env.stack.apiURL, 'cunyi');
    const { items } = await doctor.get<{ items: (typeof resident)[] }>(
      '/api/residents?pageSize=20&sort=recordNumber',
    );
    resident = items.find((r) => r.householdId !== null)!;
  });

  it('creates a household and moves a resident into it as head', async () => {
    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi');
    await page.locator('.ant-menu').getByText('家庭档案').click();
    await page.getByLabel('家庭住址').fill('金寨县梅山镇青坊村新村组9号');
    await page.getByRole('button', { name: '创建家庭档案' }).click();
    await page.waitForURL(/\/households\/\d+$/);
    await page.getByText('这个家庭还没有成员').waitFor();

    await page.getByTestId('add-member').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#residentId').fill(resident.name);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await dialog.getByText(`该居民目前在家庭 ${resident.householdId}`).waitFor();
    await dialog.locator('#relationToHead').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('户主').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-table-row', { hasText: resident.name }).getByText('户主').waitFor();
    await screenshot(page, 'e-household');
    await page.context().close();
  });

  it('prints the record card on A5 and A4', async () => {
    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi');
    await page.goto(`/residents/${resident.id}`);
    await page.getByRole('button', { name: '打印信息卡' }).click();
    const card = page.getByTestId('record-card');
    await card.getByText('居民健康档案信息卡').waitFor();
    await card.getByText(resident.recordNumber).waitFor();
    await page.getByText('A4', { exact: true }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.card-toolbar').isVisible()).toBe(false);
    await screenshot(page, 'f-record-card-print-a4');
    await page.context().close();
  });

  it('the county list of 20,000 residents pages past the count cap and searches; the exact total, export and audit for administrators', async () => {
    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'county');
    const first = await timed('county list, first page after navigation', async () => {
      await page.goto('/residents');
      await page.locator('.ant-table-row').first().waitFor();
      return page.getByTestId('list-total').textContent();
    });
    expect(first.value).toMatch(/共 20000 条|超过 \d+ 条/);
    // Past the list's cap the administrator gets the exact number from a second request.
    await page.getByTestId('list-total').filter({ hasText: '共 20000 条' }).waitFor();

    const last = await timed('jump to page 150 of 100 rows (past the count cap of 10,000)', async () => {
      await page.goto('/residents?page=150&pageSize=100');
      await page.locator('.ant-pagination-item-active', { hasText: '150' }).waitFor();
      await page.locator('.ant-table-row').nth(99).waitFor();
    });
    const busy = await page.evaluate(async () => {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    });
    console.log(`[measure] main thread free after paging: setTimeout(0) ran after ${busy.toFixed(1)} ms`);

    const search = await timed('pinyin search over the county', async () => {
      await page.getByPlaceholder('身份证号 / 档案编号').fill('zh');
      await page.getByTestId('list-total').filter({ hasText: '拼音' }).waitFor();
    });
    expect(Math.max(first.ms, last.ms, search.ms)).toBeLessThan(15_000);

    const exportRequest = page.waitForRequest((r) => r.url().includes('/api/residents/export.xlsx'));
    await page.getByRole('button', { name: '导出Excel' }).click();
    const url = new URL((await exportRequest).url());
    expect(url.searchParams.get('q')).toBe('zh');
    expect(url.searchParams.get('page')).toBeNull();
    await screenshot(page, 'g-county-list-export', false);

    await page.goto(`/residents/${resident.id}?tab=audit`);
    await page.getByRole('tab', { name: '访问审计' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '查看档案' }).first().waitFor();
    await page.context().close();
  });

  for (const [size, name, birthDate] of [
    ['desktop', '结案测试人', '1940-05-06'],
    ['phone', '结案手机', '1938-02-03'],
  ] as const)
    it(`${size === 'phone' ? 'on a phone: ' : ''}the county administrator archives a deceased resident and finds it in the audit log`, async () => {
      const doctor = await apiAs(env.stack.apiURL, 'cunyi');
      const villages = await doctor.get<{ items: { villageCode: string }[] }>('/api/residents?pageSize=1');
      const made = await doctor.post<{ id: number }>(
        '/api/residents',
        buildResident(villages.items[0]!.villageCode, { name, birthDate }),
      );
      const phone = size === 'phone';
      const page = phone
        ? await newPhonePage(env.browser, env.stack.baseURL)
        : await newPage(env.browser, env.stack.baseURL);
      const suffix = phone ? '-phone' : '';
      await signIn(page, 'county');
      await page.goto(`/residents/${made.id}`);
      await page.getByTestId('archive-record').click();
      await choose(page, '结案原因', '死亡');
      await page.getByTestId('archive-confirm').click();
      await page.getByTestId('restore-record').waitFor();
      await page.getByText(/该档案已结案（死亡/).waitFor();
      if (phone) expect(await documentWidth(page)).toBe(PHONE.width);
      await screenshot(page, `g-record-archived${suffix}`, false);

      // The audit log from the menu (on a phone, the menu drawer).
      if (phone) {
        await page.getByTestId('menu-open').click();
        await page.locator('.ant-drawer .ant-menu').getByText('审计日志').click();
      } else await page.locator('.ant-menu').getByText('审计日志').click();
      await page.waitForURL(/\/audit$/);
      await page.getByLabel('用户名', { exact: true }).fill('county');
      await page.getByTestId('audit-search').click();
      const row = page
        .locator('.ant-table-row', { hasText: `档案 #${made.id}` })
        .filter({ hasText: '结案日期' })
        .first();
      await row.waitFor();
      expect(await row.textContent()).toContain('县卫健委管理员');
      if (phone) expect(await documentWidth(page)).toBe(PHONE.width);
      await screenshot(page, `g-audit-log${suffix}`, false);
      await page.context().close();
    });

  it('after the session ends, signing in returns to the same page', async () => {
    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi');
    await page.goto(`/residents/${resident.id}`);
    await page.getByTestId('record-name').waitFor();
    await page.context().clearCookies();
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.waitForURL(/\/login\?/);
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await signIn(page, 'cunyi');
    await page.waitForURL(`**/residents/${resident.id}?tab=history`);
    await page.getByRole('tab', { name: '变更记录', selected: true }).waitFor();
    await page.context().close();
  });

  it('shows a locked account with the time left, a network failure, and a server error with its request id', async () => {
    const page = await newPage(env.browser, env.stack.baseURL);
    await page.goto('/login');
    for (let i = 0; i < 5; i++) {
      await page.locator('#username').fill('xzadmin');
      await page.locator('#password').fill('wrong-password');
      await page.locator('button[type="submit"]').click();
      await page.getByRole('alert').waitFor();
    }
    await page.getByText('账号已被锁定，请稍后再试。').waitFor();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/请在 1[45]分\d+秒 后再试/);
    await screenshot(page, 'h-login-locked');

    await signIn(page, 'cunyi');
    await page.route('**/api/residents?*', (route) => route.abort('failed'));
    await page.goto('/residents');
    await page.getByText('无法连接服务器').waitFor();
    await page.unroute('**/api/residents?*');
    await page.route(`**/api/residents/${resident.id}`, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'internal',
          message: '系统出错了，请把请求编号告诉管理员。',
          details: [],
          requestId: 'req-e2e-42',
        }),
      }),
    );
    await page.goto(`/residents/${resident.id}`);
    await page.getByTestId('request-id').filter({ hasText: 'req-e2e-42' }).waitFor();
    await screenshot(page, 'h-server-error');
    await page.context().close();
  });
});
