// The first screen on a slow phone network, in Debian's Chromium with devtools
// throttling (150 ms round trips, 1.44 Mbit/s down, CPU 4x slower): when the
// first text and the largest text (largest contentful paint) appear, and when
// the start page's region list is there to tap. Five fresh visits, no cache, no
// service worker. Prints figures; asserts nothing.
//   node scripts/bench-start.mjs [build/site]
import { startServer, launch } from '../tests/browser/lib.mjs';

const server = await startServer(process.argv[2] || undefined);
const runs = [];
try {
  for (let i = 0; i < 5; i++) {
    const browser = await launch();
    try {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.44e6 / 8, uploadThroughput: 675e3 / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        window.__lcp = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push(e.startTime); })
          .observe({ type: 'largest-contentful-paint', buffered: true });
        // timed in the page, as the list appears (waiting from outside adds polling)
        new MutationObserver((_, observer) => {
          if (document.querySelector('input[name="region"]')) { window.__regions = performance.now(); observer.disconnect(); }
        }).observe(document, { subtree: true, childList: true });
      });
      await page.goto(server.url);
      await page.waitForSelector('input[name="region"]', { timeout: 60000 });
      await page.waitForTimeout(300);
      const { fcp, lcp, regions } = await page.evaluate(() => ({ regions: window.__regions,
        fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime, lcp: window.__lcp[window.__lcp.length - 1] }));
      runs.push({ fcp, lcp, regions });
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}
const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[runs.length >> 1];
const span = (k) => `${(med(k) / 1000).toFixed(2)} s (${runs.map((r) => (r[k] / 1000).toFixed(2)).join(', ')})`;
console.log('The first visit on a slow network (150 ms round trips, 1.44 Mbit/s, CPU 4x slower; median of five):');
console.log(`  first text ${span('fcp')}`);
console.log(`  largest text ${span('lcp')}`);
console.log(`  region list ready to tap ${span('regions')}`);
