/** jsdom setup for the web app's component tests. */
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

afterEach(() => cleanup());

// findBy…/waitFor wait up to 5 s: in CI the jsdom, API and browser projects share two cores, and the large
// forms (health check, resident) take longer than the default 1 s to re-validate as the user types.
// Async UI (antd forms validating as you type) can take seconds on a busy 2-core CI machine.
configure({ asyncUtilTimeout: 15_000 });

// Ant Design measures layout and watches media queries; jsdom has neither.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
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
