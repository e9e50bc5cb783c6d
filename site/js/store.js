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
    return v && typeof v === 'object' && v.answers ? v : null;
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
