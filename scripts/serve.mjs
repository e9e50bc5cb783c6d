// A tiny static server for build/site/ on 127.0.0.1 only (no dependencies).
//   PORT=8080 node scripts/serve.mjs [dir]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(process.argv[2] || path.join(here, '..', 'build', 'site'));
const port = Number(process.env.PORT || 8080);
const host = '127.0.0.1';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.webmanifest']);
const cache = new Map();  // file -> { mtime, body }: each file is compressed once
function gzipped(file, st) {
  const hit = cache.get(file);
  if (hit && hit.mtime === st.mtimeMs) return hit.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
  cache.set(file, { mtime: st.mtimeMs, body });
  return body;
}

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`${root}/index.html not found: run scripts/build-site.sh first`);
  process.exit(1);
}

const server = http.createServer((req, res) => {
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, path.normalize(rel));
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 未找到');
      return;
    }
    const ext = path.extname(file);
    const immutable = /\.[0-9a-f]{10}\.\w+$/.test(file);
    const headers = {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      Vary: 'Accept-Encoding',
    };
    // Compressed as any static host would send it, so what is measured here is
    // what a phone downloads.
    const body = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '') ? gzipped(file, st) : null;
    if (body) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = body ? body.length : st.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else if (body) res.end(body);
    else fs.createReadStream(file).pipe(res);
  });
});

server.listen(port, host, () => {
  const url = `http://${host}:${server.address().port}/`;
  console.log(`serving ${path.relative(process.cwd(), root) || '.'} at ${url}`);
  console.log(`open ${url}#region=quangang-2020   (Ctrl+C to stop)`);
});
