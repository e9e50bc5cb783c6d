// The site step of scripts/build-site.sh: copies site/ to build/site/ with a
// content hash in every file name except index.html (WeChat caches static files
// regardless of headers), rewrites the references, writes the CSP meta tag,
// extracts the policies' offices for the page shown when WebAssembly cannot run,
// keeps the contract's unhashed screen.js + screen.wasm, and prints sizes.
//   node scripts/build-site.mjs [--site site] [--wasm build/wasm/wasm] [--out build/site]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const arg = (name, def) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : def;
};
const SITE = path.resolve(arg('site', 'site'));
const WASM = path.resolve(arg('wasm', 'build/wasm/wasm'));
const OUT = path.resolve(arg('out', 'build/site'));
const BUDGET_KB = 300;

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 10);
const hashed = (rel, buf) => {
  const ext = rel.match(/(\.[a-z0-9]+)$/)[1];
  return rel.slice(0, -ext.length) + '.' + hash(buf) + ext;
};
const write = (rel, data) => {
  const p = path.join(OUT, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
};

for (const f of ['screen.js', 'screen.wasm', 'roster.js', 'roster.wasm']) {
  if (!fs.existsSync(path.join(WASM, f))) {
    console.error(`missing ${path.join(WASM, f)}: build the WebAssembly module first (scripts/build-site.sh)`);
    process.exit(1);
  }
}
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

// 1. The module: hashed for the page, unhashed for the contract (Node, outside suites).
const wasmBuf = fs.readFileSync(path.join(WASM, 'screen.wasm'));
const jsBuf = fs.readFileSync(path.join(WASM, 'screen.js'));
const names = {};
names.wasm = hashed('screen.wasm', wasmBuf);
names.js = hashed('screen.js', jsBuf);
write(names.wasm, wasmBuf);
write(names.js, jsBuf);
write('screen.wasm', wasmBuf);
write('screen.js', jsBuf);
// The roster page's module (台账比对; wasm/roster_bindings.cpp): hashed only, loaded by
// that page's worker, not by residents' pages.
for (const [key, f] of [['rosterJs', 'roster.js'], ['rosterWasm', 'roster.wasm']]) {
  const buf = fs.readFileSync(path.join(WASM, f));
  names[key] = hashed(f, buf);
  write(names[key], buf);
}
let asmjsKb = 0;
if (fs.existsSync(path.join(WASM, 'screen-asmjs.js'))) {
  const buf = fs.readFileSync(path.join(WASM, 'screen-asmjs.js'));
  names.asmjs = hashed('screen-asmjs.js', buf);
  write(names.asmjs, buf);
  asmjsKb = Math.round(zlib.gzipSync(buf, { level: 9 }).length / 1024);
}

// 2. Regions and offices, through the module itself (the contract's regions() and
// policy()), for the start page and for the page shown when the module cannot run.
const require = createRequire(import.meta.url);
const factory = require(path.join(WASM, 'screen.js'));
const M = await factory({ wasmBinary: wasmBuf, print() {}, printErr() {} });
const regions = JSON.parse(M.regions()).map((r) => {
  const p = JSON.parse(M.policy(r.id));
  return {
    id: r.id, name: r.name, title: r.title, doc: r.doc, issued: r.issued,
    programs: (p.programs || []).map((x) => ({ id: x.id, name: x.name, summary: x.summary,
      apply: x.apply ? { where: x.apply.where, documents: x.apply.documents } : undefined })),
  };
});
const infoBuf = Buffer.from(JSON.stringify({ regions }));
names.info = hashed('policies-info.json', infoBuf);
write(names.info, infoBuf);

// 3. Site files: ES modules hashed leaves first, so each name covers its imports.
const rewritten = new Map();   // site-relative path -> hashed path
// Vendored at build time: nayuki's QR Code generator (npm nayuki-qr-code-generator, an ES module).
const VENDOR = { 'js/vendor/qrcodegen.js': require.resolve('nayuki-qr-code-generator/index.js') };
const read = (rel) => fs.readFileSync(VENDOR[rel] || path.join(SITE, rel), 'utf8');
function processModule(rel, stack = []) {
  if (rewritten.has(rel)) return rewritten.get(rel);
  if (stack.includes(rel)) throw new Error('import cycle: ' + stack.concat(rel).join(' -> '));
  let text = read(rel);
  if (rel === 'js/assets.js') {
    text = text.replace(/js: '[^']*'/, `js: '${names.js}'`)
      .replace(/wasm: '[^']*'/, `wasm: '${names.wasm}'`)
      .replace(/asmjs: '[^']*'/, `asmjs: '${names.asmjs || ''}'`)
      .replace(/rosterJs: '[^']*'/, `rosterJs: '${names.rosterJs}'`)
      .replace(/rosterWasm: '[^']*'/, `rosterWasm: '${names.rosterWasm}'`)
      .replace(/asmjsKb: \d+/, `asmjsKb: ${asmjsKb}`)
      .replace(/info: '[^']*'/, `info: '${names.info}'`);
  }
  text = text.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bnew URL\(\s*)(['"])(\.\/[\w./-]+\.js)\2/g, (m, pre, q, spec) => {
    const dep = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
    const out = processModule(dep, stack.concat(rel));
    let relOut = path.posix.relative(path.posix.dirname(rel), out);
    if (!relOut.startsWith('.')) relOut = './' + relOut;
    return pre + q + relOut + q;
  });
  const out = hashed(rel, Buffer.from(text));
  write(out, text);
  rewritten.set(rel, out);
  return out;
}
const modules = fs.readdirSync(path.join(SITE, 'js')).filter((f) => f.endsWith('.js') && f !== 'nomodule.js').map((f) => 'js/' + f);
for (const m of modules) processModule(m);
for (const rel of fs.readdirSync(path.join(SITE, 'css')).filter((f) => f.endsWith('.css')).map((f) => 'css/' + f).concat(['js/nomodule.js'])) {
  const buf = fs.readFileSync(path.join(SITE, rel));
  const out = hashed(rel, buf);
  write(out, buf);
  rewritten.set(rel, out);
}

// 4. The pages (index.html and the staff pages): hashed references, module
// preloads of what each page's entry imports (one round trip instead of a chain
// on slow networks), and the Content-Security-Policy.
const reach = (rel, seen = new Set()) => {
  if (seen.has(rel)) return seen;
  seen.add(rel);
  const text = read(rel);
  // static imports only: a dynamic import() is loaded when needed, not preloaded
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s+)(['"])(\.\/[\w./-]+\.js)\1/g))
    reach(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[2])), seen);
  return seen;
};
const pages = fs.readdirSync(SITE).filter((f) => f.endsWith('.html'));
const pageModules = {};
for (const pageName of pages) {
  let html = read(pageName);
  const entries = [];
  html = html.replace(/(href|src)="([\w./-]+\.(?:css|js))"/g, (m, attr, rel) => {
    if (!rewritten.has(rel)) throw new Error(pageName + ' names an unknown file: ' + rel);
    if (attr === 'src' && rel.startsWith('js/') && rel !== 'js/nomodule.js') entries.push(rel);
    return `${attr}="${rewritten.get(rel)}"`;
  });
  const reached = new Set();
  for (const e of entries) reach(e, reached);
  pageModules[pageName] = [...reached];
  const preloads = [...reached].filter((m) => !entries.includes(m)).map((m) => `<link rel="modulepreload" href="${rewritten.get(m)}">`).join('\n');
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  html = html.replace(/(<script type="module")/, `${preloads}\n$1`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error(pageName + ' has an inline script; the CSP forbids it');
  write(pageName, html);
}

// 5. Sizes: every file, and what a first visit transfers (everything index.html
// loads; not the -sWASM=0 fallback nor the unhashed contract copies).
const firstVisit = new Set(['index.html', rewritten.get('css/site.css'), rewritten.get('js/nomodule.js'),
  ...pageModules['index.html'].map((m) => rewritten.get(m)), names.js, names.wasm, names.info]);
const rows = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else rows.push(path.relative(OUT, p).split(path.sep).join('/'));
  }
};
walk(OUT);
rows.sort();
let total = 0;
console.log('file'.padEnd(42) + 'bytes'.padStart(9) + 'gzip'.padStart(9) + '  first visit');
for (const rel of rows) {
  const buf = fs.readFileSync(path.join(OUT, rel));
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  const first = firstVisit.has(rel);
  if (first) total += gz;
  const note = first ? '  *' : (rel === names.asmjs ? '  (only if WebAssembly is blocked)' : [names.rosterJs, names.rosterWasm].includes(rel) ? '  (the roster page only)' : (/^screen\.(js|wasm)$/.test(rel) ? '  (contract copy)' : ''));
  console.log(rel.padEnd(42) + String(buf.length).padStart(9) + String(gz).padStart(9) + note);
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
// Beside the site, not in it: scripts/size.mjs reads the same list.
fs.writeFileSync(path.join(OUT, '..', 'first-visit.json'), JSON.stringify([...firstVisit].sort(), null, 1) + '\n');
console.log(`first visit: ${kb(total)} gzipped (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB * 1024) {
  console.error(`over budget: ${kb(total)} > ${BUDGET_KB} KB`);
  process.exit(1);
}
