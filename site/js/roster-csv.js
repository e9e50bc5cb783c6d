// CSV helpers of the roster page: decoding (UTF-8, else GB18030 as Excel saves
// it on Chinese systems), splitting a roster into chunks of whole households
// (blank lines keep every row at its own line number, so errors name the row of
// the file), and merging the chunks' exports into one.

export function decode(buf) {
  const bytes = new Uint8Array(buf);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'UTF-8' };
  } catch (e) {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030 (GBK)' };
  }
}

// Records (raw text without the line break); a quoted cell may hold line breaks.
export function records(text) {
  const out = [];
  let start = 0;
  let quoted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) {
      out.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < n) out.push(text.slice(start));
  return out;
}

export function cells(record) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}

export function cellText(v) {
  return /[,"\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

// Chunks of at most `size` households, each a CSV text the core reads with every
// row at its original line number.
export function split(text, size) {
  const recs = records(text);
  if (!recs.length) return { chunks: [text], households: 0 };
  const head = cells(recs[0]).map((s) => s.trim());
  const keyCol = head.findIndex((s) => s === '户编号' || s === 'key');
  if (keyCol < 0) return { chunks: [text], households: 0 };
  const groups = new Map();
  const loose = [];
  for (let r = 1; r < recs.length; r++) {
    if (!recs[r].trim()) continue;
    const key = (cells(recs[r])[keyCol] || '').trim();
    if (!key) { loose.push(r); continue; }
    let g = groups.get(key);
    if (!g) { g = []; groups.set(key, g); }
    g.push(r);
  }
  const list = [...groups.values()];
  const chunks = [];
  for (let i = 0; i < Math.max(1, list.length); i += size) {
    const take = list.slice(i, i + size).flat();
    if (i === 0) take.push(...loose);
    take.sort((a, b) => a - b);
    const parts = [recs[0]];
    let at = 1;
    for (const r of take) {
      while (at < r) { parts.push(''); at++; }
      parts.push(recs[r]);
      at = r + 1;
    }
    chunks.push(parts.join('\n') + '\n');
  }
  return { chunks, households: list.length };
}

// Merges the core's outputs of the chunks, in order: summary, rows, file errors,
// and the export CSV. Program columns are matched by program id (the summary lists
// them in the export's column order): a chunk names an id after the first region
// it meets, so names may differ between chunks; the first name wins, as natively.
const FIXED = 5;
const FLAGS = 4;
export function merge(outs) {
  const summary = new Map();
  const rows = [];
  const errors = [];
  let households = 0;
  let fixed = null;
  let flags = null;
  const body = [];
  const tail = [];
  for (const o of outs) {
    households += o.households;
    for (const s of o.summary) {
      const x = summary.get(s.id);
      if (!x) summary.set(s.id, Object.assign({}, s));
      else { x.eligible += s.eligible; x.maybe += s.maybe; x.ineligible += s.ineligible; }
    }
    rows.push(...o.rows);
    errors.push(...o.errors);
    const recs = records((o.csv || '').replace(/^\uFEFF/, ''));
    if (!recs.length) continue;
    const h = cells(recs[0]);
    if (!fixed) { fixed = h.slice(0, FIXED); flags = h.slice(h.length - FLAGS); }
    const ids = o.summary.map((s) => s.id);
    recs.slice(1).forEach((rec, i) => {
      const v = cells(rec);
      const x = { fixed: v.slice(0, FIXED), flags: v.slice(v.length - FLAGS), programs: {} };
      ids.forEach((id, j) => { x.programs[id] = [v[FIXED + 2 * j] || '', v[FIXED + 2 * j + 1] || '']; });
      (i < o.rows.length ? body : tail).push(x);
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const progs = [...summary.values()];
  const head = (fixed || []).concat(...progs.map((p) => [p.name, p.name + '·金额']), flags || []);
  const line = (x) => x.fixed.concat(...progs.map((p) => x.programs[p.id] || ['', '']), x.flags).map(cellText).join(',');
  const csv = '\uFEFF' + [head.map(cellText).join(',')].concat(body.map(line), tail.map(line)).join('\r\n') + '\r\n';
  return { households, summary: progs, rows, errors, csv };
}
