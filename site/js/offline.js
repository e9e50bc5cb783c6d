// Offline use, an optional enhancement: registers the service worker (sw.js at the
// site root) where the browser has one, and says which policy data the page uses.
// The data version is the content hash of the WebAssembly module, which embeds the
// policy files: a new policy means a new hash, a new service worker and new caches.
import { ASSETS } from './assets.js';

export const DATA_VERSION = (/\.([0-9a-f]{10})\.wasm$/.exec(ASSETS.wasm) || [])[1] || 'dev';

export function registerOffline(root) {
  document.documentElement.setAttribute('data-version', DATA_VERSION);
  if (!('serviceWorker' in navigator) || !window.isSecureContext) {
    document.documentElement.setAttribute('data-offline', 'none');
    return;
  }
  const start = () => navigator.serviceWorker.register((root || '') + 'sw.js', { scope: root || './' })
    .then(() => navigator.serviceWorker.ready)
    .then(() => document.documentElement.setAttribute('data-offline', 'ready'))
    .catch(() => document.documentElement.setAttribute('data-offline', 'none'));
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
}

// The start page: a footer line with the data version and, once cached, 可离线使用;
// links to the region pages.
function footer() {
  const f = document.querySelector('.dd-footer .dd-container');
  if (!f || document.getElementById('dd-version')) return;
  const p = document.createElement('p');
  p.id = 'dd-version';
  const a = document.createElement('a');
  a.href = 'regions/compare.html';
  a.textContent = '各地政策和标准';
  p.append(a, '。政策数据版本 ' + DATA_VERSION + '。');
  const off = document.createElement('span');
  off.id = 'dd-offline';
  p.appendChild(off);
  f.appendChild(p);
  const mark = () => { if (document.documentElement.getAttribute('data-offline') === 'ready') off.textContent = '已保存到本机，没有网络也能用。'; };
  new MutationObserver(mark).observe(document.documentElement, { attributes: true, attributeFilter: ['data-offline'] });
  mark();
}

if (document.querySelector('script[src*="offline"]')) {
  footer();
  registerOffline('');
}
