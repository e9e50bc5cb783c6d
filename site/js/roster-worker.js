// 台账比对 worker (a classic worker): loads the same screening module as the
// pages and screens one chunk of a roster per message, so the page stays
// responsive and its progress bar advances. Nothing is sent anywhere.
/* global importScripts, createScreenModule */
let M = null;
let ready = null;

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    ready = (async () => {
      importScripts(msg.js);
      M = await createScreenModule({ print() {}, printErr() {}, locateFile: (p) => (/\.wasm$/.test(p) ? msg.wasm : p) });
      return true;
    })().then(() => self.postMessage({ type: 'ready', template: M.rosterTemplate() }),
      (err) => self.postMessage({ type: 'failed', message: String(err && err.message ? err.message : err) }));
    return;
  }
  if (msg.type === 'chunk') {
    ready.then(() => {
      let out;
      try { out = JSON.parse(M.roster(msg.text, msg.region || '')); } catch (err) {
        self.postMessage({ type: 'failed', id: msg.id, message: String(err && err.message ? err.message : err) });
        return;
      }
      self.postMessage({ type: 'chunk', id: msg.id, out });
    });
  }
};
