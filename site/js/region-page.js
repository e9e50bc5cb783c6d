// Region pages (regions/<id>.html, regions/compare.html, written by
// scripts/region-pages.mjs): the share links become absolute URLs of the host the
// page is served from (unknown at build time), a QR code of the self-check link
// with this region chosen (?region=, which survives WeChat's share; # does not),
// and the service worker where the browser has one (an optional enhancement).
import qrcodegen from './vendor/qrcodegen.js';
import { registerOffline } from './offline.js';

const NS = 'http://www.w3.org/2000/svg';

function qrSvg(text, px, label) {
  const qr = qrcodegen.QrCode.encodeText(text, qrcodegen.QrCode.Ecc.MEDIUM);
  const n = qr.size + 8;
  let d = '';
  for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) if (qr.getModule(x, y)) d += `M${x + 4},${y + 4}h1v1h-1z`;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${n} ${n}`);
  svg.setAttribute('width', String(px));
  svg.setAttribute('height', String(px));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('class', 'rg-qr-code');
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', String(n)); bg.setAttribute('height', String(n)); bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', d); path.setAttribute('fill', '#000');
  svg.appendChild(bg); svg.appendChild(path);
  return svg;
}

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
    fig.appendChild(qrSvg(checkUrl, 200, `二维码：打开${name}社会救助自助测算`));
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
