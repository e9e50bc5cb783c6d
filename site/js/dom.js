// The element builder of every page (the resident page has it as ui.js's `h`):
// el('p', {class: 'x', onclick: f}, 'text', child, [more]). Attributes that are
// null, undefined or false are left out; true sets an empty attribute.
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const k of Object.keys(attrs || {})) {
    const v = attrs[k];
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'value') e.value = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  const add = (c) => { if (c === null || c === undefined || c === false) return; if (Array.isArray(c)) c.forEach(add); else e.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c))); };
  children.forEach(add);
  return e;
}
