/** Debian's Chromium driven by playwright-core (never a downloaded browser), and small journey helpers. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { PASSWORD, ROOT, sharedStack, type JourneyStack } from './stack.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const SKIP_REASON = `browser journeys skipped: ${CHROMIUM} is absent (apt-get install -y chromium fonts-wqy-microhei)`;
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * What a journey's describe block works with: the run's stack (once it is up) and a browser of its own,
 * launched before the block's tests and closed after them. Call it first in the block: its beforeAll runs
 * before the block's own.
 */
export function journeyEnv(): { readonly stack: JourneyStack; readonly browser: Browser } {
  let stack: JourneyStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([sharedStack(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('journeyEnv() is read before its beforeAll ran');
    return v;
  };
  return {
    get stack() {
      return ready(stack);
    },
    get browser() {
      return ready(browser);
    },
  };
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    // As a device set to reduce motion: the app then opens and closes lists and dialogs without animating
    // (theme.tsx), so nothing waits for an animation to end.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.error('[browser error]', e.message));
  return page;
}

/** A phone's screen (390 × 844, the phone size). */
export const PHONE = { width: 390, height: 844 } as const;

/** A new page at a phone's size. */
export async function newPhonePage(browser: Browser, baseURL: string): Promise<Page> {
  const page = await newPage(browser, baseURL);
  await page.setViewportSize(PHONE);
  return page;
}

/** How wide the document is: nothing scrolls sideways when it is the viewport's width. */
export const documentWidth = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth);

/** Signs in on the sign-in page the browser is on (or goes there first). */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Saves test-artifacts/NAME.png once rendering settles (the whole page unless fullPage is false). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  // No animations to wait out (reducedMotion above); charts draw on the next frames.
  await page.waitForTimeout(100);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** A bearer-token API client for setting up data the way another user would. */
export async function apiAs(apiURL: string, username: string) {
  const res = await fetch(`${apiURL}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`token for ${username}: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${apiURL}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    token,
    get: <T>(url: string) => call<T>('GET', url),
    post: <T>(url: string, body: unknown) => call<T>('POST', url, body),
  };
}
