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

// The self-check pages: a footer line saying which policy document and data version
// the page uses (the chosen region's 文号 and date, else the number of documents),
// and 可离线使用 once the service worker holds the site.
function footer() {
  const f = document.querySelector('.dd-footer .dd-container');
  if (!f || document.getElementById('dd-version')) return;
  const p = document.createElement('p');
  p.id = 'dd-version';
  const text = document.createElement('span');
  const off = document.createElement('span');
  off.id = 'dd-offline';
  p.append(text, off);
  f.appendChild(p);
  let regions = [];
  let region = null;
  try {
    const m = /(?:^|[#&])region=([\w-]+)/.exec(location.hash) || /(?:^|[?&])region=([\w-]+)/.exec(location.search);
    if (m) region = m[1];
  } catch (e) { /* ignore */ }
  const show = () => {
    const checked = document.querySelector('input[name="region"]:checked');
    if (checked) region = checked.value;
    const r = regions.find((x) => x.id === region);
    text.textContent = r ? `政策文件：${r.doc}（${r.issued}），数据版本 ${DATA_VERSION}。`
      : `政策数据版本 ${DATA_VERSION}${regions.length ? `（${regions.length}份政策文件）` : ''}。`;
    off.textContent = document.documentElement.getAttribute('data-offline') === 'ready' ? '已保存到本机，没有网络也能用。' : '';
  };
  show();
  fetch(ASSETS.info).then((r) => r.json()).then((j) => { regions = (j && j.regions) || []; show(); }).catch(() => {});
  document.addEventListener('change', show);
  new MutationObserver(show).observe(document.documentElement, { attributes: true, attributeFilter: ['data-offline', 'data-view'] });
}

if (document.querySelector('script[src*="offline"]')) {
  footer();
  registerOffline('');
}
