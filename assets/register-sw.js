// Registers Qarin's service worker (sw.js, written by `cargo xtask dist` next to this file), which
// keeps the explorer usable offline after the first visit. An external file rather than an inline
// script so that the page's Content-Security-Policy needs no exception for it.
(() => {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // sw.js sits beside this script, at the root of the site (whatever subpath it is served from),
  // so its default scope is the whole site.
  const url = new URL('sw.js', document.currentScript.src);
  const register = () => {
    navigator.serviceWorker.register(url).then((registration) => {
      // A new build deployed: its worker installs and activates (it skips waiting); the page
      // still runs the old version, so the app offers to reload. The first install, when no
      // worker controlled the page yet, is not an update.
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker || !navigator.serviceWorker.controller) return;
        worker.addEventListener('statechange', () => {
          if (worker.state !== 'activated') return;
          window.__qarinUpdateReady = true;
          window.dispatchEvent(new Event('qarin-update-ready'));
        });
      });
    }).catch((error) => {
      console.warn('Qarin: offline use is not available:', error);
    });
  };
  if (document.readyState === 'complete') {
    register();
  } else {
    window.addEventListener('load', register, { once: true });
  }
})();
