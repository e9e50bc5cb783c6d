// Prints every file of build/site with its gzip and brotli size, and the total a
// first visit transfers (everything index.html loads). Exits 1 over budget.
//   node scripts/size.mjs [build/site]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const site = process.argv[2] || 'build/site';
const budget = JSON.parse(fs.readFileSync(new URL('../size-budget.json', import.meta.url)));
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(site);

// The first visit: the list scripts/build-site.mjs writes beside the site
// (index.html, its CSS, its static modules, the module, the policies' offices).
const listed = path.join(site, '..', 'first-visit.json');
if (!fs.existsSync(listed)) {
  console.error(`${listed} not found: run scripts/build-site.sh first`);
  process.exit(2);
}
const loaded = new Set(JSON.parse(fs.readFileSync(listed, 'utf8')).map((rel) => path.join(site, rel)));

let gzTotal = 0, brTotal = 0;
console.log('file'.padEnd(44) + 'bytes'.padStart(10) + 'gzip'.padStart(10) + 'brotli'.padStart(10) + '  first visit');
for (const f of files.sort()) {
  const buf = fs.readFileSync(f);
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  const br = zlib.brotliCompressSync(buf).length;
  const first = loaded.has(f);
  if (first) { gzTotal += gz; brTotal += br; }
  console.log(path.relative(site, f).padEnd(44) + String(buf.length).padStart(10) + String(gz).padStart(10) +
              String(br).padStart(10) + (first ? '  *' : ''));
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
console.log(`first visit: ${kb(gzTotal)} gzip, ${kb(brTotal)} brotli (budget ${budget.first_visit_gzip_kb} KB gzip, aim ${budget.aim_gzip_kb} KB)`);
if (gzTotal > budget.first_visit_gzip_kb * 1024) {
  console.error(`over budget: ${kb(gzTotal)} > ${budget.first_visit_gzip_kb} KB`);
  process.exit(1);
}
