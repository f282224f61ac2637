/**
 * Journeys: the city inspector (read-only: resident.read, audit.read) walks every page they can open and
 * every tab of a record, and sees no button that writes; the pages that write answer "no permission" with
 * no form. And the village doctor's page timings on the demo county: sign-in → workbench, workbench →
 * worklist, worklist → record, printed (the figures go to docs/benchmarks.md; no timed assertion).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { programRegistry } from '@jkda/domain';
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

if (!hasChromium) console.warn(SKIP_REASON);

/**
 * Words of the buttons that change data (新建, 录入, 随访, 编辑, 保存, 签名, 归档, 恢复, 登记 …); reading
 * buttons (查询, 导出, 打印, 查看, 筛选) do not match. The menu is checked apart (its items are links).
 */
const WRITES =
  /新建|新增|添加|录入|^随访$|合并随访|编辑|修改|保存|签名|删除|归档|恢复|迁移|登记|入组|纳入|建档|导入|结案|停用|启用|重置密码/;

/** The visible buttons on the page, outside the side menu, whose words are a write. */
function writeButtons(page: Page): Promise<string[]> {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    return [
      ...document.querySelectorAll<HTMLElement>('button, a.ant-btn, [role="button"], [role="menuitem"]'),
    ]
      .filter((el) => !el.closest('.ant-menu') && el.getClientRects().length > 0)
      .map((el) => (el.textContent ?? '').replace(/\s+/g, '').trim())
      .filter((text) => re.test(text));
  }, WRITES.source);
}

/** Waits for the page's data (no spinner), then answers its write buttons. */
async function settledWrites(page: Page): Promise<string[]> {
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(150);
  return writeButtons(page);
}

interface WlItem {
  residentId: number;
}

describe.skipIf(!hasChromium)('browser: read-only roles, page timings', () => {
  const env = journeyEnv();

  it('the city inspector sees no write button on any page, tab or record; the writing pages say no permission', async () => {
    const city = await apiAs(env.stack.apiURL, 'city');
    const wl = await city.get<{ items: WlItem[] }>('/api/worklists/chronic?program=hypertension&limit=5');
    const residentId = wl.items[0]!.residentId;
    const services = await city.get<{ items: { id: number; type: string }[] }>(
      `/api/residents/${residentId}/services`,
    );
    const service = services.items[0]!;

    // The detector finds the village doctor's write buttons on the same record (it can fail).
    const doctorPage = await newPage(env.browser, env.stack.baseURL);
    await signIn(doctorPage, 'cunyi');
    const doctor = await apiAs(env.stack.apiURL, 'cunyi');
    const own = await doctor.get<{ items: WlItem[] }>('/api/worklists/chronic?program=hypertension&limit=1');
    await doctorPage.goto(`/residents/${own.items[0]!.residentId}?tab=followups`);
    await doctorPage.getByTestId('new-service').waitFor();
    expect((await settledWrites(doctorPage)).length).toBeGreaterThan(0);
    await doctorPage.context().close();

    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'city');
    const seen: Record<string, string[]> = {};
    const visit = async (name: string, url: string, ready: () => Promise<unknown>) => {
      await page.goto(url);
      await ready();
      seen[name] = await settledWrites(page);
    };
    // The menu offers no page that writes.
    const menu = (await page.locator('.ant-menu').first().textContent()) ?? '';
    expect(menu).not.toMatch(/新建档案|账号管理/);
    await visit('home', '/', () => page.locator('.ant-card').first().waitFor());
    await visit('residents', '/residents', () => page.locator('.ant-table-row').first().waitFor());
    await visit('households', '/households', () => page.locator('.ant-table-row').first().waitFor());
    await page.locator('.ant-table-row').first().locator('a').first().click();
    await page.waitForURL('**/households/*');
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    seen.household = await settledWrites(page);
    for (const r of programRegistry.registers)
      await visit(`worklist ${r.program}`, `/worklist?program=${r.program}`, () =>
        page.getByTestId('wl-program').waitFor(),
      );
    await visit('audit log', '/audit', () => page.locator('.ant-table').first().waitFor());
    await visit('service record', `/residents/${residentId}/services/${service.type}/${service.id}`, () =>
      page.locator('.ant-card').first().waitFor(),
    );
    // The service record prints as its paper form on A4 (window.print stubbed; the print layout captured).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed);
    await page.getByTestId('svc-print').click();
    expect(await printed()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const head = page.getByTestId('paper-head');
    await head.waitFor({ state: 'visible' });
    const record = await city.get<{ recordNumber: string; name: string }>(`/api/residents/${residentId}`);
    expect(await head.locator(`[data-value="${record.recordNumber}"]`).count()).toBe(1);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    await screenshot(page, 'print-service-form');
    await page.emulateMedia({ media: 'screen' });
    // The record, each of its tabs.
    await visit('record', `/residents/${residentId}`, () => page.getByTestId('record-name').waitFor());
    const tabs = page.getByRole('tab');
    const n = await tabs.count();
    expect(n).toBeGreaterThan(3);
    for (let i = 0; i < n; i += 1) {
      const tab = tabs.nth(i);
      const label = ((await tab.textContent()) ?? '').trim();
      await tab.click();
      seen[`record tab ${label}`] = await settledWrites(page);
    }
    await screenshot(page, 'city-inspector-record', false);
    // The record prints its cover and basic information as the 个人基本信息表, from whichever tab is open.
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { printed: number }).printed = 99;
      };
    });
    await page.getByTestId('record-print-basic').click();
    await expect.poll(printed).toBe(99);
    // It printed the basic information tab, not the one that was open.
    expect(new URL(page.url()).searchParams.get('tab')).toBeNull();
    await page.emulateMedia({ media: 'print' });
    await page
      .locator('[data-testid="paper-head"][data-title="个人基本信息表"]')
      .waitFor({ state: 'visible' });
    await screenshot(page, 'print-basic-information');
    await page.emulateMedia({ media: 'screen' });
    const found = Object.entries(seen).filter(([, buttons]) => buttons.length > 0);
    expect(found, JSON.stringify(found)).toEqual([]);
    console.log(
      `[read-only journey] city inspector: ${Object.keys(seen).length} pages and tabs, no write button`,
    );

    // The pages that write, opened by address: no permission, no form.
    for (const url of [
      '/residents/new',
      `/residents/${residentId}/edit`,
      `/residents/${residentId}/followup/hypertension`,
      `/residents/${residentId}/services/encounter/new`,
      '/users',
    ]) {
      await page.goto(url);
      await page
        .getByText(/没有权限|无权/)
        .first()
        .waitFor();
      expect(await page.locator('form input:not([type="hidden"])').count(), url).toBe(0);
      expect(await settledWrites(page), url).toEqual([]);
    }
    await page.context().close();
  }, 120_000);

  it('on a phone: the city inspector sees no write button on the workbench, a worklist or a record, and nothing scrolls sideways', async () => {
    const city = await apiAs(env.stack.apiURL, 'city');
    const wl = await city.get<{ items: WlItem[] }>('/api/worklists/chronic?program=diabetes&limit=5');
    const residentId = wl.items[0]!.residentId;
    const page = await newPhonePage(env.browser, env.stack.baseURL);
    await signIn(page, 'city');
    const seen: Record<string, string[]> = {};
    const widths: Record<string, number> = {};
    const look = async (name: string) => {
      seen[name] = await settledWrites(page);
      widths[name] = await documentWidth(page);
    };
    await page.locator('.ant-card').first().waitFor();
    await look('home');
    await page.goto('/worklist?program=diabetes');
    await page.locator('[data-testid="wl-row"]').first().waitFor();
    await look('worklist');
    await page.goto(`/residents/${residentId}`);
    await page.getByTestId('record-name').waitFor();
    const tabs = page.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i += 1) {
      await tabs.nth(i).click();
      await look(`record tab ${i}`);
    }
    await screenshot(page, 'city-inspector-record-phone', false);
    expect(Object.entries(seen).filter(([, b]) => b.length > 0)).toEqual([]);
    expect(
      Object.values(widths).every((w) => w === PHONE.width),
      JSON.stringify(widths),
    ).toBe(true);
    await page.context().close();
  }, 120_000);

  it("page timings of the village doctor's morning: sign-in → workbench → worklist → record", async () => {
    const rounds: { workbench: number; worklist: number; record: number }[] = [];
    for (let round = 0; round < 3; round += 1) {
      const page = await newPage(env.browser, env.stack.baseURL);
      await page.goto('/login');
      await page.locator('#username').fill('cunyi');
      await page.locator('#password').fill('Jkda@2026');
      let t = Date.now();
      await page.locator('button[type="submit"]').click();
      // The workbench: its counts by register answered and drawn.
      await page.getByTestId('wb-hypertension-overdue').waitFor();
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      const workbench = Date.now() - t;
      t = Date.now();
      await page.getByTestId('wb-hypertension-overdue').click();
      await page.locator('.ant-table-row').first().waitFor();
      const worklist = Date.now() - t;
      t = Date.now();
      await page.locator('.ant-table-row').first().getByRole('link').first().click();
      await page.getByTestId('record-name').waitFor();
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      const record = Date.now() - t;
      rounds.push({ workbench, worklist, record });
      await page.context().close();
    }
    const median = (k: keyof (typeof rounds)[number]) => rounds.map((r) => r[k]).sort((a, b) => a - b)[1]!;
    console.log(
      `[page timings, 1440x900, demo county of 20,000] median of 3 (ms): sign-in → workbench ${median('workbench')}, ` +
        `→ worklist ${median('worklist')}, → record ${median('record')}; rounds ${JSON.stringify(rounds)}`,
    );
    // Not a speed target (docs/benchmarks.md holds the figures): each step ends, on a page that works.
    expect(rounds).toHaveLength(3);
  }, 120_000);
});
