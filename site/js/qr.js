// A QR code as SVG (nayuki's generator, error correction M, a quiet zone of 4
// modules), drawn as one path: the handoff sheet's and the region pages' codes.
import qrcodegen from './vendor/qrcodegen.js';

const NS = 'http://www.w3.org/2000/svg';

export function qrSvg(text, { px, label, cls }) {
  const qr = qrcodegen.QrCode.encodeText(text, qrcodegen.QrCode.Ecc.MEDIUM);
  const n = qr.size + 8;
  let d = '';
  for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) if (qr.getModule(x, y)) d += `M${x + 4},${y + 4}h1v1h-1z`;
  const svg = document.createElementNS(NS, 'svg');
  const attrs = { viewBox: `0 0 ${n} ${n}`, width: String(px), height: String(px), role: 'img', 'aria-label': label,
    'shape-rendering': 'crispEdges', class: cls, 'data-version': String(qr.version) };
  for (const k of Object.keys(attrs)) svg.setAttribute(k, attrs[k]);
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', String(n)); bg.setAttribute('height', String(n)); bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', d); path.setAttribute('fill', '#000');
  svg.appendChild(bg); svg.appendChild(path);
  return svg;
}
