// File names of the assets loaded at run time. scripts/build-site.mjs rewrites
// these strings to the content-hashed names of build/site/ (WeChat caches hard).
export const ASSETS = {
  js: 'screen.js',
  wasm: 'screen.wasm',
  asmjs: 'screen-asmjs.js',
  asmjsKb: 0,
  info: 'policies-info.json',
};
