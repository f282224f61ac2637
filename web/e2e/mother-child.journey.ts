/**
 * Journeys of mothers and children: a village doctor records the dose due for a child from the
 * immunization list and sees the next dose on the vaccination card; finds a registered pregnancy on the
 * maternal list; registers a pregnancy with its first prenatal check and sees the prenatal schedule on her
 * record; records a child's check from the record's plan and sees the weighing on the growth chart; and
 * records a birth that links the newborn's record, which the mother's record then links to.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '@jkda/domain';
import { sdLines } from '@jkda/domain/programs/child/growth/index';
import { apiAs, hasChromium, journeyEnv, newPage, screenshot, signIn, SKIP_REASON } from './browser.ts';
import { answerUnanswered, newService, signService } from './formDriver.ts';
import { countyToday } from '../src/app/today.ts';
import { BODY_SITE_CODES, ROUTE_CODES, SCHEDULE_2021 } from '@jkda/domain/programs/immunization/index';
import { buildResident } from '../../server/test/builders.ts';

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
  items: (Row & { villageCode: string })[];
}
interface ResidentHits {
  items: { id: number; name: string; keyTags: string[] }[];
}
interface Services {
  enrolments: { program: string }[];
  plans: { program: string; services: { key: string; state: string; from: string; by: string }[] }[];
}

const field = (page: Page, path: string) => page.locator(`#svc_form_${path.replaceAll('.', '_')}`);

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

  it('counts the maternal list on the workbench and shows a pregnancy on it with the visit due and its window', async () => {
    const doc = await apiAs(env.stack.apiURL, 'xiangzhen');
    const wl = await doc.get<Wl>('/api/worklists/chronic?program=maternal');
    const woman = wl.items.find((r) => r.dueKey?.startsWith('prenatal:'));
    expect(woman, 'a pregnant woman of the township (demo data)').toBeTruthy();
    const page = await newPage(env.browser, env.stack.baseURL);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'xiangzhen');
    // On a phone the menu is a drawer from the header: the page keeps the whole width.
    await page.getByTestId('menu-open').waitFor();
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.getByTestId('menu-open').click();
    await page.locator('.ant-drawer .ant-menu').getByText('家庭档案').click();
    await page.waitForURL('**/households');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    // The workbench counts the register's list; its number leads to that tab of the list.
    await page.goto(`${env.stack.baseURL}/`);
    await page.getByTestId('wb-maternal-due_week').click();
    await page.waitForURL('**/worklist?program=maternal&category=due_week');
    await page.goto(`${env.stack.baseURL}/worklist?program=maternal&category=all`);
    const cell = page
      .locator('[data-testid="wl-row"]', { has: page.getByText(woman!.name, { exact: true }) })
      .getByTestId('wl-due-service')
      .first();
    await cell.waitFor();
    const text = (await cell.textContent()) ?? '';
    expect(text).toMatch(/第[1-5]次产前(检查|随访)/);
    expect(text).toContain(woman!.dueDate);
    await screenshot(page, 'maternal-worklist-phone');
    // Cards, not a table wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
  });

  it('registers a pregnancy with its first prenatal check and sees the prenatal schedule on her record', async () => {
    const doc = await apiAs(env.stack.apiURL, 'xiangzhen');
    const today = countyToday();
    // A woman of the township who has never been in maternal care.
    const hits = await doc.get<ResidentHits>('/api/residents?sex=2&ageMin=24&ageMax=32&pageSize=50');
    let id: number | undefined;
    for (const h of hits.items) {
      const s = await doc.get<Services>(`/api/residents/${h.id}/services`);
      if (!s.enrolments.some((e) => e.program === 'maternal')) {
        id = h.id;
        break;
      }
    }
    expect(id, 'a woman of 24 to 32 never registered').toBeTruthy();

    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'xiangzhen');
    await page.goto(`${env.stack.baseURL}/residents/${id}?tab=followups`);
    await page.getByTestId('enrol').click();
    await page.locator('.ant-modal').getByText('孕产妇', { exact: true }).click();
    await page.getByTestId('enrol-save').click();
    await page.getByTestId('enrolment-maternal').waitFor();

    // The first prenatal check at 10 weeks: the LMP, gravidity, the counts and the examination.
    const lmp = addDays(today, -70);
    await newService(page, '第1次产前检查');
    await page.waitForURL(`**/residents/${id}/services/maternal_first_prenatal/new`);
    await field(page, 'lmp').fill(lmp);
    await field(page, 'gravidity').fill('1');
    for (const k of [
      'spontaneousAbortion',
      'inducedAbortion',
      'fetalDeath',
      'stillbirth',
      'neonatalDeath',
      'birthDefect',
    ])
      await field(page, `pregnancyHistory.${k}`).fill('0');
    await field(page, 'heightCm').fill('160');
    await field(page, 'weightKg').fill('54');
    await field(page, 'bp.sbp').fill('112');
    await field(page, 'bp.dbp').fill('72');
    await field(page, 'doctor').fill('陈医生');
    await answerUnanswered(page);
    await signService(page, 'maternal_first_prenatal');

    // Her record: the plan with the first check done and the 2nd visit's window at 16+0 to 20+6 weeks.
    await page.goto(`${env.stack.baseURL}/residents/${id}?tab=followups`);
    const plan = page.getByTestId('plan-maternal');
    await plan.waitFor();
    const items = plan.getByTestId('plan-item');
    await expect.poll(() => items.count(), POLL).toBe(7);
    expect(await items.nth(0).getAttribute('data-state')).toBe('done');
    const second = (await items.nth(1).textContent()) ?? '';
    expect(second).toContain('第2次产前随访');
    expect(second).toContain(`${addDays(lmp, 16 * 7)} ~ ${addDays(lmp, 20 * 7 + 6)}`);
    await expect.poll(() => items.nth(5).textContent(), POLL).toContain('按预产期推算');
    await screenshot(page, 'maternal-plan');
  });

  it('records a child check from the plan on the record and sees the weighing on the growth chart', async () => {
    const doc = await apiAs(env.stack.apiURL, 'xiangzhen');
    const today = countyToday();
    const wl = await doc.get<Wl>('/api/worklists/chronic?program=child_health&category=due_week&limit=2000');
    const MONTHS: Record<string, string> = { 'check:3': '3月龄', 'check:6': '6月龄', 'check:8': '8月龄' };
    const child = wl.items.find((r) => r.dueKey! in MONTHS && r.dueDate <= today && r.dueBy! >= today);
    expect(child, 'a child of the township due a 3-, 6- or 8-month check today').toBeTruthy();
    const days = Math.round((Date.parse(today) - Date.parse(child!.birthDate)) / 86_400_000);
    const median = sdLines('wfa', child!.sex as '1' | '2', days, days)[0]!.sd0;
    const weight = (Math.round(median * 10) / 10).toFixed(1);

    const page = await newPage(env.browser, env.stack.baseURL);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'xiangzhen');
    await page.goto(`${env.stack.baseURL}/residents/${child!.residentId}?tab=followups`);
    const due = page.locator(`[data-testid="plan-item"][data-key="${child!.dueKey}"]`);
    await due.getByRole('button', { name: /记\s?录/ }).click();
    await page.waitForURL(`**/residents/${child!.residentId}/services/child_check_infant/new`);
    await field(page, 'monthAge').getByText(MONTHS[child!.dueKey!]!, { exact: true }).click();
    await field(page, 'weightKg').fill(weight);
    await field(page, 'lengthCm').fill('65');
    await field(page, 'headCm').fill('42');
    await field(page, 'doctor').fill('陈医生');
    // 口腔 is asked at 满月 and 3 months, 出牙数 at 6 and 8; 听力 at 6 months.
    if (child!.dueKey === 'check:3') await answerUnanswered(page);
    else {
      await field(page, 'teethErupted').fill('2');
      await answerUnanswered(page, ['mouth']);
    }
    if (child!.dueKey === 'check:6')
      await field(page, 'hearing').locator('.ant-radio-button-wrapper, .ant-radio-wrapper').first().click();
    await signService(page, 'child_check_infant');

    // The record: the check done on the plan, the weighing on the chart's list on the median (中).
    await page.goto(`${env.stack.baseURL}/residents/${child!.residentId}?tab=followups`);
    await page.getByTestId('growth-chart').waitFor();
    const point = page.getByTestId('growth-point').first();
    await expect.poll(() => point.textContent(), POLL).toContain(`${Number(weight)} kg`);
    expect(await point.textContent()).toContain(today);
    expect(await point.textContent()).toContain('中');
    await expect
      .poll(() =>
        page.locator(`[data-testid="plan-item"][data-key="${child!.dueKey}"]`).getAttribute('data-state'),
      )
      .toBe('done');
    await screenshot(page, 'growth-chart-phone');
  });

  it('records a birth that links the newborn, and the mother’s record leads to the baby’s', async () => {
    const doc = await apiAs(env.stack.apiURL, 'xiangzhen');
    const wl = await doc.get<Wl>('/api/worklists/chronic?program=maternal&limit=2000');
    // A woman late in pregnancy (the 5th or 4th prenatal visit next).
    const mother =
      wl.items.find((r) => r.dueKey === 'prenatal:5') ?? wl.items.find((r) => r.dueKey === 'prenatal:4');
    expect(mother, 'a woman of the township late in pregnancy').toBeTruthy();
    const today = countyToday();
    const babyName = `${mother!.name}之女`;
    const baby = await doc.post<{ id: number }>(
      '/api/residents',
      buildResident(mother!.villageCode, { name: babyName, sex: '2', birthDate: today }),
    );

    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'xiangzhen');
    await page.goto(`${env.stack.baseURL}/residents/${mother!.residentId}?tab=followups`);
    await newService(page, '妊娠结局');
    await page.waitForURL(`**/residents/${mother!.residentId}/services/maternal_outcome/new`);
    await field(page, 'outcome.code').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('活产').click();
    await field(page, 'date').click();
    await page
      .locator(
        '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-now-btn, .ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-today-btn',
      )
      .first()
      .click();
    await page.getByTestId('f-babies-add').click();
    await field(page, 'babies.0.sex').getByText('女', { exact: true }).click();
    await field(page, 'babies.0.bornAlive').click();
    await field(page, 'babies.0.birthWeightG').fill('3200');
    await page.getByTestId('f-babies.residentId').click();
    await page.keyboard.type(babyName);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByText(babyName, { exact: false })
      .first()
      .click();
    await field(page, 'doctor').fill('陈医生');
    await answerUnanswered(page);
    await signService(page, 'maternal_outcome');

    // The mother's record names the baby; the link opens the baby's record, with the newborn visit due.
    await page.goto(`${env.stack.baseURL}/residents/${mother!.residentId}?tab=followups`);
    const link = page.getByTestId('linked-records').getByTestId('linked-resident');
    await expect.poll(() => link.textContent(), POLL).toBe(babyName);
    await screenshot(page, 'mother-linked-baby');
    await link.click();
    await page.waitForURL(`**/residents/${baby.id}`);
    await page.goto(`${env.stack.baseURL}/residents/${baby.id}?tab=followups`);
    const first = page.getByTestId('plan-child_health').getByTestId('plan-item').first();
    await expect.poll(() => first.getAttribute('data-key'), POLL).toBe('check:newborn');
    expect(await first.getAttribute('data-state')).toBe('due');
  });
});
