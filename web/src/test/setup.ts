/** jsdom setup for the web app's component tests. */
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { DEFAULT_TIME_ZONE } from '@jkda/domain';
import { setCountyTimeZone } from '../app/today.ts';
import { setLang } from '../i18n/lang.ts';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import { forgetTraining } from '../app/TrainingBanner.tsx';

// The files of a worker share their modules (isolate: false in vitest.config.ts): each test starts from
// what a newly opened page has — no rendered tree, Chinese, the default zone, no session state.
afterEach(() => {
  cleanup();
  localStorage.clear();
  setLang('zh');
  setCountyTimeZone(DEFAULT_TIME_ZONE);
  setCsrfToken(null);
  forgetTraining();
  setUnauthorizedHandler(null);
});

// findBy…/waitFor wait up to 5 s: in CI the jsdom, API and browser projects share two cores, and the large
// forms (health check, resident) take longer than the default 1 s to re-validate as the user types.
// Async UI (antd forms validating as you type) can take seconds on a busy 2-core CI machine.
configure({ asyncUtilTimeout: 15_000 });

// Ant Design measures layout and watches media queries; jsdom has neither. Width queries are answered for
// window.innerWidth (jsdom: 1024, a desk; a test may set 390 before it renders to see the phone layout).
const widthMatches = (query: string) =>
  [...query.matchAll(/\((min|max)-width:\s*(\d+)px\)/g)].every(([, side, px]) =>
    side === 'min' ? window.innerWidth >= Number(px) : window.innerWidth <= Number(px),
  ) && /width/.test(query);
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      // Reduced motion, as the browser journeys ask for: no opening and closing animations to wait out.
      matches: widthMatches(query) || query === '(prefers-reduced-motion: reduce)',
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;
// jsdom does not scroll.
if (!('scrollIntoView' in Element.prototype))
  Object.assign(Element.prototype, { scrollIntoView: () => undefined });

// jsdom's getComputedStyle parses every style sheet on each call, and Ant Design's CSS-in-JS adds hundreds
// of them: a form's render then spends most of its time there. The tests read no computed style, so
// elements answer with their inline style only.
window.getComputedStyle = ((elt: Element) => (elt as HTMLElement).style) as typeof window.getComputedStyle;
