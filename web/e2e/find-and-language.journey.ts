/**
 * Journeys (a) a village doctor signs in, finds a resident by typing pinyin initials and opens the
 * record; (d) the app is in Chinese by default and in English after the switch (kept on reload).
 */
import { describe, expect, it } from 'vitest';
import { namePinyin } from '@jkda/domain/pinyin';
import { apiAs, hasChromium, journeyEnv, newPage, screenshot, signIn, SKIP_REASON } from './browser.ts';

if (!hasChromium) console.warn(SKIP_REASON);

describe.skipIf(!hasChromium)('browser: find a resident, languages', () => {
  const env = journeyEnv();

  it('(a) a village doctor finds a resident by pinyin initials and opens the record', async () => {
    const doctor = await apiAs(env.stack.apiURL, 'cunyi');
    const { items } = await doctor.get<{ items: { id: number; name: string }[] }>(
      '/api/residents?pageSize=50&sort=recordNumber',
    );
    const target = items.find((r) => namePinyin(r.name).initials.length >= 2)!;
    const initials = namePinyin(target.name).initials;

    const page = await newPage(env.browser, env.stack.baseURL);
    const t0 = Date.now();
    await page.goto('/residents');
    await page.locator('#username').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#username').isEditable()).toBe(true);
    const firstInteractive = Date.now() - t0;
    const navTiming = await page.evaluate(() => Math.round(performance.now()));
    console.log(
      `[measure] sign-in page interactive after ${firstInteractive} ms (navigation start → ${navTiming} ms in page)`,
    );
    expect(page.url()).toContain('/login?next=%2Fresidents');
    expect(page.url()).not.toContain('expired');

    const t1 = Date.now();
    await signIn(page, 'cunyi');
    await page.locator('.ant-table-row').first().waitFor();
    console.log(`[measure] sign-in → resident list rendered in ${Date.now() - t1} ms`);
    await expect.poll(() => page.getByTestId('header-institution').textContent()).toContain('青坊村卫生室');
    await expect.poll(() => page.getByTestId('header-jurisdiction').textContent()).toContain('青坊村');

    await page.getByPlaceholder('身份证号 / 档案编号').fill(initials);
    const row = page.locator('.ant-table-row', { hasText: target.name }).first();
    await row.waitFor();
    await expect.poll(() => page.getByTestId('list-total').textContent()).toContain('拼音');
    await row.getByRole('link', { name: target.name }).click();
    await page.waitForURL(`**/residents/${target.id}`);
    await expect.poll(() => page.getByTestId('record-name').textContent()).toBe(target.name);
    await page.getByText('个人基本信息表').waitFor();
    await screenshot(page, 'a-find-by-pinyin-record');
    await page.context().close();
  });

  it('(d) Chinese by default, English after the switch, kept after reload', async () => {
    const page = await newPage(env.browser, env.stack.baseURL);
    await page.goto('/login');
    await page.getByText('账号登录').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await signIn(page, 'cunyi');
    await page.locator('.ant-menu').getByText('档案查询').waitFor();

    await page.getByTestId('lang-switch').click();
    await page.locator('.ant-menu').getByText('Find records').click();
    await page.waitForURL('**/residents');
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The Ant Design locale follows: the page-size changer reads "/ page", not "条/页".
    await expect.poll(() => page.locator('.ant-pagination').textContent()).toContain('/ page');

    await page.reload();
    await page.getByText('Find records').first().waitFor();
    await page.locator('.ant-table-row').first().locator('a').first().click();
    await page.getByRole('tab', { name: 'History' }).waitFor();
    await page.getByRole('tab', { name: 'Services' }).click();
    await page.getByTestId('service-timeline').getByText('Service timeline').waitFor();
    await page.getByRole('tab', { name: 'Basic information' }).click();
    await screenshot(page, 'd-english-record');
    await page.context().close();
  });
});
