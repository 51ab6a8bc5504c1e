// Component tests run in happy-dom. Vuetify's overlays measure the page with APIs happy-dom lacks.
import { afterEach } from 'vitest';

if (!('ResizeObserver' in globalThis)) {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
if (!('visualViewport' in window) || !window.visualViewport) {
  Object.defineProperty(window, 'visualViewport', {
    value: Object.assign(new EventTarget(), {
      width: 1280,
      height: 800,
      offsetLeft: 0,
      offsetTop: 0,
      scale: 1,
    }),
  });
}

afterEach(() => {
  document.body.innerHTML = '';
  window.localStorage.clear();
  window.sessionStorage.clear();
});
