/**
 * Journey: a village doctor opens the record of a resident of 65 or more who has had no health check this
 * year, records the elderly self-care assessment (score and category live) and a health check (BMI and the
 * BP reading used shown live) from the record's "new service record" menu, signs them, finds both on the
 * timeline, and sees the resident leave the "no health check this year" worklist.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, hasChromium, journeyEnv, newPage, screenshot, signIn, SKIP_REASON } from './browser.ts';
import { newService } from './formDriver.ts';

if (!hasChromium) console.warn(SKIP_REASON);

interface Wl {
  items: { residentId: number; name: string; age: number }[];
}

/** A busy CI machine re-validates the large form slowly. */
const POLL = { timeout: 10_000 };

const missingCheck = '/api/worklists/chronic?program=elderly&category=check_missing&limit=2000';

describe.skipIf(!hasChromium)('browser: service records from the resident record', () => {
  const env = journeyEnv();

  it('records a self-care assessment and a health check and takes the resident off the check list', async () => {
    // cunyi2's village: the other journeys change residents of cunyi's village on the same server.
    const doc = await apiAs(env.stack.apiURL, 'cunyi2');
    const before = await doc.get<Wl>(missingCheck);
    const elder = before.items.find((i) => i.age >= 65 && i.age < 85);
    expect(elder, 'an elder of cunyi2’s village without this year’s check').toBeTruthy();
    const id = elder!.residentId;

    const page = await newPage(env.browser, env.stack.baseURL);
    await signIn(page, 'cunyi2');
    await page.goto(`${env.stack.baseURL}/residents/${id}?tab=followups`);
    await page.getByTestId('new-service').waitFor();

    // Self-care: the first (most independent) answer of each item → total 0, 可自理.
    await newService(page, '老年人生活自理能力评估');
    await page.waitForURL(`**/residents/${id}/services/elderly_self_care/new`);
    for (const item of ['eating', 'grooming', 'dressing', 'toileting', 'activity'])
      await page.getByTestId(`sc-${item}`).locator('.ant-radio-wrapper').first().click();
    await expect.poll(() => page.getByTestId('self-care-total').textContent(), POLL).toBe('0');
    await page.getByTestId('self-care-category').getByText('可自理').waitFor();
    await page.getByTestId('svc-sign-save').click();
    await page.waitForURL(/\/services\/elderly_self_care\/\d+$/);
    await page.getByTestId('svc-status').getByText('已签名').waitFor();

    // Health check: symptoms, BP on both arms, height and weight, evaluation.
    await page.goto(`${env.stack.baseURL}/residents/${id}?tab=followups`);
    await newService(page, '健康体检');
    await page.waitForURL(`**/residents/${id}/services/health_check/new`);
    await page.getByTestId('hc-symptoms').getByText('无症状', { exact: true }).click();
    const fill = (path: string, v: string) => page.locator(`#svc_form_${path}`).fill(v);
    await fill('general_bpLeft_sbp', '136');
    await fill('general_bpLeft_dbp', '82');
    await fill('general_bpRight_sbp', '142');
    await fill('general_bpRight_dbp', '86');
    await fill('general_heightCm', '160');
    await fill('general_weightKg', '64');
    await expect.poll(() => page.getByTestId('hc-bmi').textContent(), POLL).toBe('25');
    await expect.poll(() => page.getByTestId('hc-bp').textContent(), POLL).toContain('142/86');
    // What the elderly annual check asks for: the four self-assessments and the labs, ECG and B-ultrasound
    // (without them the check would not count for the elderly register).
    const firstChoice = (path: string) =>
      page.locator(`#svc_form_${path} .ant-radio-wrapper`).first().click();
    for (const path of [
      'general_healthSelfAssessment',
      'general_selfCare',
      'general_cognition',
      'general_emotion',
    ])
      await firstChoice(path);
    const labs: [string, string][] = [
      ['labs_bloodRoutine_hemoglobin', '132'],
      ['labs_bloodRoutine_wbc', '6.1'],
      ['labs_bloodRoutine_platelets', '210'],
      ['labs_urineRoutine_protein', '-'],
      ['labs_urineRoutine_glucose', '-'],
      ['labs_urineRoutine_ketones', '-'],
      ['labs_urineRoutine_occultBlood', '-'],
      ['labs_fastingGlucose_value', '5.6'],
      ['labs_liver_alt', '22'],
      ['labs_liver_ast', '25'],
      ['labs_liver_totalBilirubin', '12'],
      ['labs_kidney_creatinine', '78'],
      ['labs_kidney_urea', '5.2'],
      ['labs_lipids_totalCholesterol', '4.8'],
      ['labs_lipids_triglycerides', '1.4'],
      ['labs_lipids_ldl', '2.6'],
      ['labs_lipids_hdl', '1.3'],
    ];
    for (const [path, v] of labs) await fill(path, v);
    await firstChoice('labs_ecg_code');
    await firstChoice('labs_ultrasound_abdomen_code');
    await page.getByTestId('hc-evaluation').getByText('体检无异常', { exact: true }).click();
    await screenshot(page, 'health-check-form', false);
    await page.getByTestId('svc-sign-save').click();
    await page.waitForURL(/\/services\/health_check\/\d+$/);
    await page.getByTestId('svc-status').getByText('已签名').waitFor();

    // Both on the record's timeline; off the "no check this year" list.
    await page.goto(`${env.stack.baseURL}/residents/${id}?tab=followups`);
    const timeline = page.getByTestId('service-timeline');
    await timeline.getByText('健康体检').first().waitFor();
    await timeline.getByText('老年人生活自理能力评估').first().waitFor();
    const after = await doc.get<Wl>(missingCheck);
    expect(after.items.map((i) => i.residentId)).not.toContain(id);
  });
});
