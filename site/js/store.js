// Saving on this device, only when the resident asks. localStorage can be missing
// or wiped (WeChat log-out, private mode): every access is optional.
const KEY = 'doudi.v1';

function storage() {
  try {
    const s = window.localStorage;
    const probe = KEY + '.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch (e) {
    return null;
  }
}

export function canSave() {
  return storage() !== null;
}

export function load() {
  const s = storage();
  if (!s) return null;
  try {
    const v = JSON.parse(s.getItem(KEY) || 'null');
    // Only what this page writes: a region id and answers that are all text. Anything
    // else (another version's format, a damaged entry) is not offered to resume.
    if (!v || typeof v !== 'object' || typeof v.region !== 'string') return null;
    const a = v.answers;
    if (!a || typeof a !== 'object' || Array.isArray(a) || Object.values(a).some((x) => typeof x !== 'string')) return null;
    return v;
  } catch (e) {
    return null;
  }
}

export function save(data) {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(KEY, JSON.stringify(data));
    return true;
  } catch (e) {
    return false;
  }
}

export function clear() {
  const s = storage();
  if (s) {
    try { s.removeItem(KEY); } catch (e) { /* nothing stored */ }
  }
}
