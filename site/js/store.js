// Keeping answers on this device. localStorage, only when the resident ticks
// 保存; sessionStorage always, so that a reload or a webview that drops the page
// does not lose what was typed: it lasts as long as the tab (closing it clears it,
// as the privacy note says). Either can be missing or wiped (WeChat log-out,
// private mode): every access is optional.
const KEY = 'doudi.v1';

function storage(kind) {
  try {
    const s = window[kind];
    const probe = KEY + '.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch (e) {
    return null;
  }
}

// Only what this page writes: a region id and answers that are all text. Anything
// else (another version's format, a damaged entry) is not offered to resume.
function read(kind) {
  const s = storage(kind);
  if (!s) return null;
  try {
    const v = JSON.parse(s.getItem(KEY) || 'null');
    if (!v || typeof v !== 'object' || typeof v.region !== 'string') return null;
    const a = v.answers;
    if (!a || typeof a !== 'object' || Array.isArray(a) || Object.values(a).some((x) => typeof x !== 'string')) return null;
    return v;
  } catch (e) {
    return null;
  }
}

function write(kind, data) {
  const s = storage(kind);
  if (!s) return false;
  try {
    s.setItem(KEY, JSON.stringify(data));
    return true;
  } catch (e) {
    return false;
  }
}

function remove(kind) {
  const s = storage(kind);
  if (s) {
    try { s.removeItem(KEY); } catch (e) { /* nothing stored */ }
  }
}

export const canSave = () => storage('localStorage') !== null;
export const load = () => read('localStorage');
export const save = (data) => write('localStorage', data);
export const clear = () => remove('localStorage');

// This tab's answers so far, kept across a reload.
export const loadSession = () => read('sessionStorage');
export const saveSession = (data) => write('sessionStorage', data);
export const clearSession = () => remove('sessionStorage');
