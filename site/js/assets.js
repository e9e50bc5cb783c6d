// File names of the assets loaded at run time. scripts/build-site.mjs rewrites
// these strings to the content-hashed names of build/site/ (WeChat caches hard).
export const ASSETS = {
  js: 'screen.js',
  wasm: 'screen.wasm',
  asmjs: 'screen-asmjs.js',
  asmjsKb: 0,
  rosterJs: 'roster.js',       // the roster page's module (台账比对), for staff only
  rosterWasm: 'roster.wasm',
  info: 'policies-info.json',
};
