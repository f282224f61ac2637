/**
 * Journey: a village doctor opens the follow-up worklist, picks an overdue hypertension patient, records a
 * controlled follow-up (counting the user's actions from the worklist row to saved), sees the next visit in
 * 3 months and the patient gone from the overdue tab; then records an uncontrolled one and sees the 2-week date.
 * Then the 65+ register: the elderly without a health check this year, kept in the URL over a reload,
 * exported to Excel (a real .xlsx download) and a row opening the resident record.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { addDays, addMonths, localDate } from '@jkda/domain';
import {
  apiAs,
  documentWidth,
  hasChromium,
  journeyEnv,
  newPage,
  newPhonePage,
  screenshot,
  signIn,
  SKIP_REASON,
} from './browser.ts';
import type { JourneyStack } from './stack.ts';

if (!hasChromium) console.warn(SKIP_REASON);

interface WlItem {
  residentId: number;
  name: string;
  lastCheckDate?: string | null;
}
interface Wl {
  counts: { overdue: number; check_missing: number };
  items: WlItem[];
}

/** The county's today (Asia/Shanghai), as the app computes it, not the UTC date. */
const today = () => localDate();

/** An overdue hypertension patient of cunyi's village: a seeded one, or one enrolled here with an old visit. */
async function overduePatient(stack: JourneyStack): Promise<WlItem> {
  const doc = await apiAs(stack.apiURL, 'cunyi');
  const wl = await doc.get<Wl>('/api/worklists/chronic?program=hypertension&category=overdue');
  const seeded = wl.items[0];
  if (seeded) return seeded;
  const list = await doc.get<{ items: { id: number; name: string }[] }>('/api/residents?pageSize=50');
  for (const r of list.items) {
    try {
      await doc.post(`/api/residents/${r.id}/enrolments`, { program: 'hypertension' });
    } catch {
      continue;
    }
    await doc.post(`/api/residents/${r.id}/services`, {
      type: 'hypertension_followup',
      serviceDate: addDays(today(), -120),
      delivery: 'clinic',
      sign: true,
      form: {
        symptoms: { codes: ['1'] },
        sbp: 130,
        dbp: 80,
        lifestyle: {},
        medicationAdherence: '1',
        adverseReaction: { has: false },
        classification: '1',
        medications: [{ name: '硝苯地平缓释片', timesPerDay: 1, dose: '20mg' }],
      },
    });
    return { residentId: r.id, name: r.name };
  }
  throw new Error('no resident to enrol');
}

/** Counts the user's actions on a follow-up: clicks, and entries in the form's fields. */
function userActions(page: Page) {
  const counted = {
    n: 0,
    click: async (l: ReturnType<Page['locator']>) => {
      counted.n += 1;
      await l.click();
    },
    fill: async (field: string, v: string) => {
      counted.n += 1;
      await page.locator(`#fu_form_${field}`).fill(v);
    },
  };
  return counted;
}

describe.skipIf(!hasChromium)('browser: follow-up worklist', () => {
  const env = journeyEnv();

  it('records a controlled, then an uncontrolled follow-up from the worklist', async () => {
    const patient = await overduePatient(env.stack);
    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi');
    await page.locator('.ant-menu').getByText('随访工作台').click();
    await page.waitForURL('**/worklist');
    await page.getByTestId('wl-tab-overdue').getByText(/\d+/).waitFor();

    // Print: a day's home-visit list (window.print stubbed; the print layout captured).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByTestId('wl-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'wl-print-layout', false);
    await page.emulateMedia({ media: 'screen' });

    const row = (p: Page) => p.locator(`tr[data-row-key="${patient.residentId}"]`);
    const filterByName = async () => {
      await page.getByPlaceholder('按姓名筛选').fill(patient.name);
      await row(page).waitFor();
    };
    await filterByName();
    await row(page)
      .getByText(/逾期\d+天/)
      .waitFor();

    // From the worklist row to saved: every click and field entry counts.
    const actions = userActions(page);
    const { click, fill } = actions;

    await click(row(page).getByTestId('wl-followup'));
    await page.waitForURL(`**/residents/${patient.residentId}/followup/hypertension`);
    await page.getByTestId('fu-name').getByText(patient.name).waitFor();
    await fill('sbp', '128');
    await fill('dbp', '80');
    await page
      .getByTestId('control-status')
      .getByText(/控制满意/)
      .waitFor();
    await expect.poll(() => page.getByTestId('next-visit').textContent()).toBe(addMonths(today(), 3));
    await screenshot(page, 'wl-followup-controlled', false);
    await click(page.getByTestId('fu-save'));
    await page.waitForURL('**/worklist**');
    console.log(`[worklist journey] user actions from the worklist row to saved: ${actions.n}`);
    expect(actions.n).toBeLessThanOrEqual(10);

    const saved = page.getByTestId('wl-saved');
    await saved.getByText(addMonths(today(), 3)).waitFor();
    await saved.getByText('常规随访', { exact: false }).waitFor();
    await page.getByTestId('wl-tab-overdue').waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(0);
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await row(page).count()).toBe(0);

    // An uncontrolled visit: 152/96 → 控制不满意, recheck within 2 weeks.
    await page.getByTestId('wl-tab-all').click();
    await filterByName();
    await row(page).getByTestId('wl-followup').click();
    await page.waitForURL(`**/residents/${patient.residentId}/followup/hypertension`);
    await page.locator('#fu_form_sbp').fill('152');
    await page.locator('#fu_form_dbp').fill('96');
    await page
      .getByTestId('control-status')
      .getByText(/未达标/)
      .waitFor();
    await expect.poll(() => page.getByTestId('expected-class').textContent()).toBe('控制不满意');
    await expect
      .poll(() => page.locator('#fu_form_classification .ant-radio-button-wrapper-checked').textContent())
      .toBe('控制不满意');
    await expect.poll(() => page.getByTestId('next-visit').textContent()).toBe(addDays(today(), 14));
    await page.getByTestId('fu-save').click();
    await page.waitForURL('**/worklist**');
    await page.getByTestId('wl-saved').getByText(addDays(today(), 14)).waitFor();
    await screenshot(page, 'wl-uncontrolled-saved');

    // A phone call that reaches nobody: the visit is closed as lost, with the reason; it counts for nothing.
    await page.getByTestId('wl-tab-all').click();
    await filterByName();
    await row(page).getByTestId('wl-followup').click();
    await page.waitForURL(`**/residents/${patient.residentId}/followup/hypertension`);
    await page.getByText('电话', { exact: true }).click();
    await page.getByTestId('fu-outcome').getByText('失访', { exact: true }).click();
    await page.getByTestId('closed-visit').waitFor();
    expect(await page.locator('#fu_form_sbp').count()).toBe(0);
    await page.getByTestId('fu-lost-reason').fill('电话无人接听，家人称外出务工');
    await page.getByTestId('fu-save').click();
    await page.waitForURL('**/worklist**');
    await page.getByTestId('wl-saved').getByText('失访', { exact: false }).waitFor();

    // The record page's follow-ups tab lists both visits.
    await page.goto(`/residents/${patient.residentId}?tab=followups`);
    const table = page.locator('.ant-table');
    await table.getByText(addDays(today(), 14)).waitFor();
    await table.getByText(addMonths(today(), 3)).waitFor();
    await screenshot(page, 'wl-record-followups');

    // Trends: the blood pressure chart (lazy-loaded ECharts canvas) and the timeline, oldest first.
    await page.getByTestId('bp-trend').locator('canvas').first().waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('timeline-item').count()).toBeGreaterThanOrEqual(3);
    const items = page.getByTestId('timeline-item');
    const n = await items.count();
    expect(await items.nth(n - 1).textContent()).toContain('失访');
    const uncontrolled = await items.nth(n - 2).textContent();
    expect(uncontrolled).toContain('控制不满意');
    expect(uncontrolled).toContain('152/96');
    await screenshot(page, 'record-trends');
    await page.context().close();
  }, 120_000);

  it('on a phone: from the workbench to the overdue list, a follow-up saved from the bar, the patient gone from the list', async () => {
    const patient = await overduePatient(env.stack);
    const page = await newPage(env.browser, env.stack.baseURL);
    await page.setViewportSize({ width: 390, height: 844 });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    await signIn(page, 'cunyi');
    // Every action the doctor takes from the workbench to saved.
    const actions = userActions(page);
    const { click: tap, fill: type } = actions;
    await tap(page.getByTestId('wb-hypertension-overdue'));
    await page.waitForURL('**/worklist?program=hypertension&category=overdue');
    const card = page.locator('[data-testid="wl-row"]', {
      has: page.getByText(patient.name, { exact: true }),
    });
    await page.getByPlaceholder('按姓名筛选').fill(patient.name);
    actions.n += 1;
    await card.first().waitFor();
    expect(await width()).toBe(390);
    await tap(card.first().getByTestId('wl-followup'));
    await page.waitForURL(`**/residents/${patient.residentId}/followup/hypertension`);
    // The assessment and the save button in a bar at the bottom of the screen, over the form.
    const bar = page.getByTestId('fu-bar');
    await bar.waitFor();
    await type('sbp', '126');
    await type('dbp', '78');
    await bar.getByText('控制满意').waitFor();
    await expect.poll(() => bar.getByTestId('fu-bar-next').textContent()).toBe(addMonths(today(), 3));
    const box = await bar.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(844);
    expect(await width()).toBe(390);
    await screenshot(page, 'wl-followup-phone', false);
    await tap(bar.getByTestId('fu-save'));
    await page.waitForURL('**/worklist**');
    console.log(`[worklist journey, 390 px] user actions from the workbench to saved: ${actions.n}`);
    expect(actions.n).toBeLessThanOrEqual(6);
    await page.getByTestId('wl-saved').getByText(addMonths(today(), 3)).waitFor();
    // Gone from the overdue list.
    await page.goto('/worklist?program=hypertension&category=overdue');
    await page.getByPlaceholder('按姓名筛选').fill(patient.name);
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await expect.poll(() => card.count()).toBe(0);
    expect(await width()).toBe(390);
    await page.context().close();
  }, 120_000);

  /** The n-th patient of cunyi's village in both registers: seeded, or enrolled here in the missing one. */
  async function inBothRegisters(n: number): Promise<WlItem> {
    const doc = await apiAs(env.stack.apiURL, 'cunyi');
    const ids = async (program: string) =>
      (await doc.get<Wl>(`/api/worklists/chronic?program=${program}&limit=2000`)).items;
    const [ht, dm] = await Promise.all([ids('hypertension'), ids('diabetes')]);
    const inDm = new Set(dm.map((i) => i.residentId));
    const both = ht.filter((i) => inDm.has(i.residentId));
    if (both[n]) return both[n];
    const patient = ht.filter((i) => !inDm.has(i.residentId))[n]!;
    await doc.post(`/api/residents/${patient.residentId}/enrolments`, { program: 'diabetes' });
    return patient;
  }

  for (const [n, size] of [
    [0, 'phone'],
    [1, 'desktop'],
  ] as const)
    it(`${size === 'phone' ? 'on a phone' : 'at 1440 px'}: a combined visit of a patient of both registers, the readings once, two signed records`, async () => {
      const patient = await inBothRegisters(n);
      const doc = await apiAs(env.stack.apiURL, 'cunyi');
      const before = await doc.get<{ items: { id: number }[] }>(
        `/api/residents/${patient.residentId}/services`,
      );
      const page =
        size === 'phone'
          ? await newPhonePage(env.browser, env.stack.baseURL)
          : await newPage(env.browser, env.stack.baseURL);
      const viewport = page.viewportSize()!.width;
      await signIn(page, 'cunyi');
      await page.goto(`/residents/${patient.residentId}?tab=followups`);
      const actions = userActions(page);
      await actions.click(page.getByTestId('record-combined'));
      await page.waitForURL(`**/residents/${patient.residentId}/followup/*?with=*`);
      // On a phone the status and the save button sit in the bar; at a desk in the panel beside the form.
      const status = size === 'phone' ? page.getByTestId('fu-bar') : page.getByTestId('assessment');
      const next = (program: string) =>
        status.getByTestId(size === 'phone' ? `fu-bar-next-${program}` : `next-visit-${program}`);
      await status.waitFor();
      // One systolic box for both forms; each program's own symptoms.
      expect(await page.locator('#fu_form_sbp').count()).toBe(1);
      await page.getByText('症状（高血压）').waitFor();
      await actions.fill('sbp', '128');
      await actions.fill('dbp', '80');
      // Each program judged by its own rules. On the phone: blood pressure controlled, glucose not (a first
      // uncontrolled visit: again in 2 weeks). At the desk (a patient whose last glucose was uncontrolled, so a
      // second would call for a referral): both controlled, both in 3 months.
      const uncontrolled = size === 'phone';
      await actions.fill('fastingGlucose', uncontrolled ? '9.3' : '6.2');
      await page
        .getByTestId('control-status-hypertension')
        .getByText(/控制满意/)
        .waitFor();
      await page
        .getByTestId('control-status-diabetes')
        .getByText(uncontrolled ? /未达标/ : /控制满意/)
        .waitFor();
      await expect.poll(() => next('hypertension').textContent()).toBe(addMonths(today(), 3));
      await expect
        .poll(() => next('diabetes').textContent())
        .toBe(uncontrolled ? addDays(today(), 14) : addMonths(today(), 3));
      expect(await documentWidth(page)).toBe(viewport);
      await screenshot(page, `fu-combined-${size}`, false);
      await actions.click(status.getByTestId('fu-save'));
      await page.waitForURL(`**/residents/${patient.residentId}?tab=followups`);
      console.log(
        `[combined visit, ${viewport} px] user actions from the record to two signed records: ${actions.n}`,
      );
      expect(actions.n).toBeLessThanOrEqual(5);
      const after = await doc.get<{
        items: { id: number; type: string; serviceDate: string; status: string }[];
      }>(`/api/residents/${patient.residentId}/services`);
      const added = after.items.filter((x) => !before.items.some((b) => b.id === x.id));
      expect(added.map((x) => [x.type, x.serviceDate, x.status]).sort()).toEqual([
        ['diabetes_followup', today(), 'signed'],
        ['hypertension_followup', today(), 'signed'],
      ]);
      await page.context().close();
    }, 120_000);

  it('lists the elderly without a health check this year, keeps the choice over a reload and exports it', async () => {
    const doc = await apiAs(env.stack.apiURL, 'cunyi');
    const expected = await doc.get<Wl>(
      '/api/worklists/chronic?program=elderly&category=check_missing&limit=5',
    );
    expect(expected.counts.check_missing).toBeGreaterThan(0);
    const first = expected.items[0]!;

    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi');
    await page.goto('/worklist');
    await page.getByTestId('wl-tab-under_visited').waitFor();
    await page.getByTestId('wl-program').getByText('老年人').click();
    await page.waitForURL('**/worklist?program=elderly');
    // The elderly register has no "under 4 visits" rule.
    await expect.poll(() => page.getByTestId('wl-tab-under_visited').count()).toBe(0);
    await page.getByTestId('wl-tab-check_missing').click();
    await page.waitForURL('**/worklist?program=elderly&category=check_missing');
    const tabCount = () => page.getByTestId('wl-tab-check_missing').locator('.ant-tag').textContent();
    await expect.poll(tabCount).toBe(String(expected.counts.check_missing));
    const firstRow = page.locator(`tr[data-row-key="${first.residentId}"]`);
    await firstRow.waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('wl-followup').count()).toBe(0);
    await page.locator('.ant-table-thead').getByText('上次体检').waitFor();
    await page.locator('.ant-table-thead').getByText('应体检日期').waitFor();
    expect(await page.locator('.ant-table-thead').getByText('上次血压').count()).toBe(0);
    if (!first.lastCheckDate) await firstRow.getByText('未体检').waitFor();
    else await firstRow.getByText(first.lastCheckDate).waitFor();

    // A reload (or a shared link) shows the same register and tab.
    await page.reload();
    await firstRow.waitFor();
    await expect.poll(tabCount).toBe(String(expected.counts.check_missing));
    await screenshot(page, 'wl-elderly-check-missing', false);

    // Export: the same filters, answered as an Excel workbook and saved by the env.browser.
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/worklists/chronic/export.xlsx'),
      page.getByTestId('wl-export').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    const asked = new URL(response.url()).searchParams;
    expect(asked.get('program')).toBe('elderly');
    expect(asked.get('category')).toBe('check_missing');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(1000);

    // An elderly row opens the resident record on its follow-ups tab.
    await firstRow.getByTestId('wl-open').click();
    await page.waitForURL(`**/residents/${first.residentId}?tab=followups`);
    await page.context().close();
  }, 120_000);
});
