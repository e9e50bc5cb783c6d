// 台账比对 worker (a classic worker): loads the roster page's module (roster.js:
// the core with the roster's entries, wasm/roster_bindings.cpp) and screens a
// roster in steps, reporting progress between them, so the page stays responsive
// and its progress bar advances. Nothing is sent anywhere.
/* global importScripts, createRosterModule */
let M = null;
let ready = null;

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    ready = (async () => {
      try {
        importScripts(msg.js);
      } catch (err) {
        // Not downloaded: offline before this page was ever opened online (the
        // service worker keeps the roster module only once it has been loaded).
        self.postMessage({ type: 'failed', reason: 'download', message: String(err && err.message ? err.message : err) });
        return false;
      }
      M = await createRosterModule({ print() {}, printErr() {}, locateFile: (p) => (/\.wasm$/.test(p) ? msg.wasm : p) });
      return true;
    })().then((loaded) => loaded && self.postMessage({ type: 'ready', template: M.rosterTemplate() }),
      (err) => self.postMessage({ type: 'failed', message: String(err && err.message ? err.message : err) }));
    return;
  }
  if (msg.type === 'screen') {
    // A step at a time: progress goes to the page between steps, and the export
    // is the core's own, byte for byte what `screen --csv` writes.
    ready.then(() => {
      let out;
      try {
        const total = M.rosterOpen(msg.text, msg.region || '');
        self.postMessage({ type: 'progress', id: msg.id, done: 0, total });
        for (let done = 0; done < total;) {
          done = M.rosterStep(msg.step);
          self.postMessage({ type: 'progress', id: msg.id, done, total });
        }
        out = JSON.parse(M.rosterFinish());
        // The export goes to the page as a Blob of the core's UTF-8 bytes (a
        // reference, not a copy): encoding a megabyte of text for the download
        // link took 95 ms on the page's thread.
        out.csv = new Blob([M.rosterExport()], { type: 'text/csv;charset=utf-8' });
      } catch (err) {
        self.postMessage({ type: 'failed', id: msg.id, message: String(err && err.message ? err.message : err) });
        return;
      }
      self.postMessage({ type: 'done', id: msg.id, out });
    });
  }
};
