/** Filling the resident form the way a user does: clicking choices by their Chinese labels. */
import type { Page } from 'playwright-core';

const item = (page: Page, field: string) => page.locator(`#resident_${field.replaceAll('.', '_')}`);

/**
 * The user's actions on the form so far (a click on a choice, a select opened and an option taken, a box
 * filled, the save): what a complete new record costs a doctor (create-edit.journey.ts prints it).
 */
export const formActions = { clicks: 0, entries: 0 };
export const resetFormActions = (): void => {
  formActions.clicks = 0;
  formActions.entries = 0;
};

/** Clicks a radio or checkbox choice of an item by its label. */
export async function pick(page: Page, field: string, label: string): Promise<void> {
  formActions.clicks += 1;
  await item(page, field).getByText(label, { exact: true }).click();
}

/**
 * Chooses an option of a Select item by its label, and checks the select shows it: on a loaded machine a
 * click can land while the previous select's list is still closing, and the choice is lost (seen in CI).
 */
export async function select(page: Page, field: string, label: string): Promise<void> {
  // The select shows its value as text (its list of options is elsewhere, in a portal).
  const chosen = page.locator('.ant-select', { has: item(page, field), hasText: label });
  // Open the list, take the option: two clicks (a retry after a lost click is the machine's, not the user's).
  formActions.clicks += 2;
  for (let attempt = 1; ; attempt++) {
    try {
      await item(page, field).click();
      // The list can close under the click (seen in CI: "element is not visible" for 15 s): try again soon.
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .getByTitle(label, { exact: true })
        .click({ timeout: 4_000 });
      await chosen.waitFor({ timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

export async function fill(page: Page, field: string, value: string): Promise<void> {
  formActions.entries += 1;
  await item(page, field).fill(value);
}

/** Saves the form and waits for the page it leads to; on failure, says what the page showed. */
export async function saveAndWait(page: Page, url: string | RegExp): Promise<void> {
  formActions.clicks += 1;
  await page.getByTestId('save').click();
  try {
    await page.waitForURL(url, { timeout: 30_000 });
  } catch (e) {
    const shown = await page
      .locator('.ant-notification-notice, .ant-message-notice, .ant-alert, .ant-form-item-explain-error')
      .allTextContents();
    const fields = await page
      .locator('.ant-form-item-has-error')
      .evaluateAll((els) => els.map((el) => el.querySelector('[id]')?.id ?? el.textContent ?? ''));
    throw new Error(
      `save did not lead to ${String(url)}; the page shows: ${shown.join(' | ') || '(nothing)'}; fields in error: ${fields.join(', ') || '(none)'}`,
      { cause: e },
    );
  }
}

/**
 * Every required choice of the basic information form, with ordinary answers; 户籍 and 汉族 come preselected
 * on a new record (formModel.ts emptyValues).
 */
export async function fillBasicInfo(page: Page): Promise<void> {
  await pick(page, 'basicInfo.bloodType', 'A型');
  await pick(page, 'basicInfo.rh', '阳性');
  await select(page, 'basicInfo.education', '初中');
  await select(page, 'basicInfo.occupation', '农、林、牧、渔、水利业生产人员');
  await pick(page, 'basicInfo.maritalStatus', '已婚');
  await pick(page, 'basicInfo.paymentMethods', '城乡居民基本医疗保险');
  await pick(page, 'basicInfo.drugAllergy', '青霉素');
  await pick(page, 'basicInfo.exposure', '无');
  await pick(page, 'basicInfo.diseases', '高血压');
  for (const f of ['surgeries', 'traumas', 'transfusions']) await pick(page, `basicInfo.${f}`, '无');
  await pick(page, 'basicInfo.familyHistory.father', '高血压');
  for (const f of ['mother', 'siblings', 'children']) await pick(page, `basicInfo.familyHistory.${f}`, '无');
  await pick(page, 'basicInfo.hereditaryDisease', '无');
  await pick(page, 'basicInfo.disability', '无残疾');
  await pick(page, 'basicInfo.environment.kitchenExhaust', '油烟机');
  await pick(page, 'basicInfo.environment.fuel', '液化气');
  await pick(page, 'basicInfo.environment.drinkingWater', '自来水');
  await pick(page, 'basicInfo.environment.toilet', '卫生厕所');
  await pick(page, 'basicInfo.environment.livestockPen', '无');
}

// A choice of a radio group (plain or buttons) or a checkbox group, in a state ('', '-checked', '-disabled').
const choice = (state = '') =>
  ['.ant-radio-wrapper', '.ant-radio-button-wrapper', '.ant-checkbox-wrapper']
    .map((c) => c + state)
    .join(', ');

/**
 * A service form's every required choice still unanswered, answered with its first option (未见异常, 无 …
 * on the national forms), the way a doctor goes down the form of a healthy visit; required choices that
 * appear with an answer are answered too; `skip` names fields left as they are (not asked at this visit).
 * Number and text fields are the journey's own.
 */
export async function answerUnanswered(page: Page, skip: readonly string[] = []): Promise<void> {
  const skipped = skip.map((f) => `svc_form_${f.replaceAll('.', '_')}`);
  for (let pass = 0; pass < 4; pass++) {
    // One look at the page per pass (not four round trips a group): the unanswered groups are marked, then
    // clicked one by one as a user would. Marks survive React's renders (it keeps attributes it did not set).
    const marked = await page.evaluate(
      ({ skipped, pass, choices, checked, disabled }) => {
        const groups = document.querySelectorAll(
          'form .ant-form-item:has(> .ant-row > .ant-form-item-label > .ant-form-item-required) :is(.ant-radio-group, .ant-checkbox-group)',
        );
        let n = 0;
        for (const g of groups) {
          if (!g.checkVisibility()) continue;
          const id = g.getAttribute('id') ?? '';
          if (skipped.some((x) => id.startsWith(x))) continue;
          if (g.querySelector(checked) || g.querySelector(disabled) || !g.querySelector(choices)) continue;
          g.setAttribute('data-e2e-unanswered', `${pass}-${n++}`);
        }
        return n;
      },
      { skipped, pass, choices: choice(), checked: choice('-checked'), disabled: choice('-disabled') },
    );
    for (let i = 0; i < marked; i++) {
      // An answer above can hide a group below (a condition no longer met).
      const g = page.locator(`[data-e2e-unanswered="${pass}-${i}"]`);
      if (await g.isVisible()) await g.locator(choice()).first().click();
    }
    if (marked === 0) return;
  }
}

/** Signs and saves a service record and waits for its page; on failure, says what the page showed. */
export async function signService(page: Page, type: string): Promise<number> {
  await page.getByTestId('svc-sign-save').click();
  try {
    await page.waitForURL(new RegExp(`/services/${type}/\\d+$`), { timeout: 30_000 });
  } catch (e) {
    const shown = await page
      .locator('.ant-notification-notice, .ant-message-notice, .ant-alert, .ant-form-item-explain-error')
      .allTextContents();
    throw new Error(`signing ${type} did not save; the page shows: ${shown.join(' | ') || '(nothing)'}`, {
      cause: e,
    });
  }
  await page.getByTestId('svc-status').getByText('已签名').waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/**
 * Starts a new service record of the type from the record's 新建服务记录 menu and waits for its form. On a
 * loaded machine the menu's item can be clicked while the menu is still opening or the tab re-renders, and
 * the click is lost (seen in CI): then it opens the menu again, up to 3 times.
 */
export async function newService(page: Page, typeName: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('new-service').click();
    await page
      .locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu')
      .getByText(typeName, { exact: true })
      .click();
    try {
      await page.waitForURL(/\/services\/[a-z0-9_]+\/new$/, { timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}
