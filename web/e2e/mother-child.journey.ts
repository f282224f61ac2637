/**
 * Journey: a village doctor opens the immunization list, records the dose due for a child from the row's
 * button, sees the next dose on the child's vaccination card beside the growth chart; and finds a woman
 * whose pregnancy was registered on the maternal care list with the prenatal visit due and its window.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, hasChromium, journeyEnv, newPage, screenshot, signIn, SKIP_REASON } from './browser.ts';
import { countyToday } from '../src/app/today.ts';
import { BODY_SITE_CODES, ROUTE_CODES, SCHEDULE_2021 } from '@jkda/domain/programs/immunization/index';

if (!hasChromium) console.warn(SKIP_REASON);

interface Row {
  residentId: number;
  name: string;
  age: number;
  sex: string;
  birthDate: string;
  dueKey: string | null;
  dueType: string | null;
  dueDate: string;
  dueBy: string | null;
}
interface Wl {
  items: Row[];
}

const POLL = { timeout: 10_000 };

describe.skipIf(!hasChromium)('browser: mothers, children and vaccinations', () => {
  const env = journeyEnv();

  it('records the dose due from the immunization list and sees the next one on the card', async () => {
    // The township's staff (梅山镇): children are on no other journey's path.
    const doc = await apiAs(env.stack.apiURL, 'xiangzhen');
    const wl = await doc.get<Wl>('/api/worklists/chronic?program=immunization&category=due_week');
    const today = countyToday();
    // A child due a dose now (not a birth dose: those are recorded at the delivery).
    const child = wl.items.find(
      (r) =>
        r.dueKey &&
        r.dueDate <= today &&
        r.dueDate > r.birthDate &&
        SCHEDULE_2021.doses.some((d) => d.id === r.dueKey),
    );
    expect(child, 'a child of the township due a dose this week').toBeTruthy();
    const planned = SCHEDULE_2021.doses.find((d) => d.id === child!.dueKey)!;
    const kind = SCHEDULE_2021.vaccines.find((v) => v.code === planned.vaccine)!;
    const routeWords = ROUTE_CODES.find((r) => r.code === kind.route)!.zh;
    const siteWords = BODY_SITE_CODES.find((b) => b.code === kind.sites[0])!.zh;
    const [vaccine, dose] = [planned.vaccine, String(planned.doseNumber)];

    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'xiangzhen');
    await page.goto(`${env.stack.baseURL}/worklist?program=immunization&category=due_week`);
    const row = page.locator('tr', { has: page.getByText(child!.name, { exact: true }) }).first();
    await row.getByTestId('wl-due-service').waitFor();
    await row.getByTestId('wl-record-due').click();
    await page.waitForURL(`**/residents/${child!.residentId}/services/immunization_dose/new`);

    // The dose: the vaccine chosen by typing its code, the dose number, the card's details.
    await page.getByTestId('f-vaccine').click();
    await page.keyboard.type(vaccine);
    await page.keyboard.press('Enter');
    await page.locator('#svc_form_doseNumber').fill(dose);
    await page.locator('#svc_form_lotNumber').fill('202612B03');
    await page.locator('#svc_form_manufacturer').fill('某生物制品公司');
    await page.getByTestId('f-route').getByText(routeWords, { exact: true }).click();
    await page.getByTestId('f-site').click();
    await page.keyboard.type(siteWords);
    await page.keyboard.press('Enter');
    await page.locator('#svc_form_staffName').fill('赵护士');
    await page.getByTestId('svc-sign-save').click();
    await page.waitForURL(/\/services\/immunization_dose\/\d+$/);
    await page.getByTestId('svc-status').getByText('已签名').waitFor();

    // The record's card: that dose given, the next one named; the growth chart beside it.
    await page.goto(`${env.stack.baseURL}/residents/${child!.residentId}?tab=followups`);
    await page.getByTestId('vaccination-card').waitFor();
    await expect.poll(() => page.getByTestId('vaccination-next').textContent(), POLL).toContain('下一剂');
    const after = await doc.get<Wl>('/api/worklists/chronic?program=immunization&limit=2000');
    expect(after.items.find((r) => r.residentId === child!.residentId)?.dueKey).not.toBe(child!.dueKey);
    if (child!.age < 6) await page.getByTestId('growth-chart').waitFor();
    await screenshot(page, 'vaccination-card');
  });

  it('shows a registered pregnancy on the maternal list with the prenatal visit due and its window', async () => {
    const doc = await apiAs(env.stack.apiURL, 'xiangzhen');
    const wl = await doc.get<Wl>('/api/worklists/chronic?program=maternal');
    const woman = wl.items.find((r) => r.dueKey?.startsWith('prenatal:'));
    expect(woman, 'a pregnant woman of the township (demo data)').toBeTruthy();
    const page = await newPage(env.browser, env.stack.baseURL);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'xiangzhen');
    await page.goto(`${env.stack.baseURL}/worklist?program=maternal&category=all`);
    const cell = page
      .locator('tr', { has: page.getByText(woman!.name, { exact: true }) })
      .getByTestId('wl-due-service')
      .first();
    await cell.waitFor();
    const text = (await cell.textContent()) ?? '';
    expect(text).toMatch(/第[1-5]次产前(检查|随访)/);
    expect(text).toContain(woman!.dueDate);
    await screenshot(page, 'maternal-worklist-phone');
  });
});
