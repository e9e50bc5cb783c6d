// Loads the screening module (WebAssembly; or, on request, the same C++ compiled
// to plain JavaScript) and wraps its three string functions. Nothing here sends
// data anywhere: the only requests are for the module's own files.
import { ASSETS } from './assets.js';

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('无法加载 ' + src));
    document.head.appendChild(s);
  });
}

function wrap(M) {
  const cache = new Map();
  const briefs = new Map();
  let broken = null;
  const call = (fn, arg) => {
    if (broken) throw broken;
    try {
      return arg === undefined ? M[fn]() : M[fn](arg);
    } catch (e) {
      broken = e;  // an abort leaves the module unusable; the page says so
      throw e;
    }
  };
  return {
    kind: M.__kind,
    screenText: (text) => call('screen', text),
    // Parsed result for a household object; identical inputs are cached (the
    // questionnaire asks the same question many times while building its flow).
    screen(household) {
      const text = JSON.stringify(household);
      if (cache.has(text)) return cache.get(text);
      const out = JSON.parse(call('screen', text));
      if (cache.size > 500) cache.clear();
      cache.set(text, out);
      return out;
    },
    // Only what the questionnaire's flow needs (statuses, amounts, missing facts),
    // kept for many more households: building the flow screens hundreds of
    // variants, mostly the same from one page to the next.
    brief(household) {
      const text = JSON.stringify(household);
      const known = briefs.get(text);
      if (known) return known;
      // The module's brief entry: each program's id, status, amount and `missing`
      // as screen() gives them, without the reasons: a tenth of the work and text.
      const got = JSON.parse(call('brief', text));
      const out = got.programs ? { programs: got.programs } : { errors: got.errors };
      if (briefs.size > 20000) briefs.clear();
      briefs.set(text, out);
      return out;
    },
    regions: () => JSON.parse(call('regions')),
    policy: (id) => JSON.parse(call('policy', id)),
  };
}

async function instantiate(src, options) {
  await loadScript(src);
  if (typeof window.createScreenModule !== 'function') throw new Error('createScreenModule 未定义');
  return window.createScreenModule(Object.assign({ print() {}, printErr() {} }, options));
}

// The WebAssembly module. Rejects with a plain message when the browser cannot
// run it (no WebAssembly, or a CSP engine older than 'wasm-unsafe-eval').
export async function loadEngine() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function')
    throw new Error('此浏览器不支持 WebAssembly');
  const M = await instantiate(ASSETS.js, {
    locateFile: (path) => (/\.wasm$/.test(path) ? ASSETS.wasm : path),
  });
  M.__kind = 'wasm';
  return wrap(M);
}

// The same C++ compiled to JavaScript (-sWASM=0), for engines that block WebAssembly.
export async function loadCompatEngine() {
  const M = await instantiate(ASSETS.asmjs, {});
  M.__kind = 'js';
  return wrap(M);
}

export function compatAvailable() {
  return !!ASSETS.asmjs && ASSETS.asmjsKb > 0;
}
