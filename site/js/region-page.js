// Region pages (regions/<id>.html, regions/compare.html, written by
// scripts/region-pages.mjs): the share links become absolute URLs of the host the
// page is served from (unknown at build time), a QR code of the self-check link
// with this region chosen (?region=, which survives WeChat's share; # does not),
// and the service worker where the browser has one (an optional enhancement).
import { qrSvg } from './qr.js';
import { registerOffline } from './offline.js';

function share() {
  const box = document.getElementById('rg-share');
  if (!box) return;
  const region = box.getAttribute('data-region');
  const name = box.getAttribute('data-name');
  // Absolute, query-free and fragment-free: what a messaging app passes on intact.
  const pageUrl = new URL(location.pathname, location.origin).href;
  const checkUrl = new URL('../index.html?region=' + encodeURIComponent(region), pageUrl).href;
  for (const [id, url] of [['rg-page-link', pageUrl], ['rg-check-link', checkUrl]]) {
    const a = document.getElementById(id);
    if (a) { a.href = url; a.textContent = url; }
  }
  const qrBox = document.getElementById('rg-qr');
  if (!qrBox) return;
  qrBox.textContent = '';
  try {
    const fig = document.createElement('figure');
    fig.className = 'rg-qr-figure';
    fig.appendChild(qrSvg(checkUrl, { px: 200, label: `二维码：打开${name}社会救助自助测算`, cls: 'rg-qr-code' }));
    const cap = document.createElement('figcaption');
    cap.textContent = `扫码打开测算（${name}）`;
    fig.appendChild(cap);
    qrBox.appendChild(fig);
    qrBox.setAttribute('data-url', checkUrl);
  } catch (e) {
    const p = document.createElement('p');
    p.textContent = '二维码无法显示，请复制上面的链接。';
    qrBox.appendChild(p);
  }
  if (navigator.clipboard && window.isSecureContext) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'dd-button dd-button-secondary';
    b.textContent = '复制本页链接';
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.className = 'dd-hint';
    b.addEventListener('click', () => {
      navigator.clipboard.writeText(pageUrl).then(() => { status.textContent = '已复制：' + pageUrl; },
        () => { status.textContent = '无法复制，请长按上面的链接。'; });
    });
    box.insertBefore(status, qrBox);
    box.insertBefore(b, status);
  }
}

share();
registerOffline('../');
