// byline serve's page: sends what is pasted or dropped to POST /v1/extract and shows the record:
// the article with each quotation marked in its speaker's colour, the people, the metadata, the JSON.
// Everything from the record goes into the page as text (textContent), never as markup.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };

  // Speaker colours, given in order of each speaker's first quotation (the same record, the same colours):
  // a light background for the words and a strong underline; past the palette, a hue from the name.
  const PALETTE = [
    ['#ffd8a8', '#c2410c'], ['#bfdbfe', '#1d4ed8'], ['#bbf7d0', '#15803d'], ['#f5d0fe', '#a21caf'],
    ['#fef08a', '#a16207'], ['#99f6e4', '#0f766e'], ['#fecaca', '#b91c1c'], ['#ddd6fe', '#6d28d9'],
    ['#e2e8f0', '#334155'], ['#fbcfe8', '#be185d'],
  ];
  const UNRESOLVED = ['#f1f5f9', '#64748b'];
  function colourOf(index, name) {
    if (index < PALETTE.length) return PALETTE[index];
    let h = 2166136261;
    for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    const hue = h % 360;
    return [`hsl(${hue} 85% 85%)`, `hsl(${hue} 70% 30%)`];
  }

  // Code points to UTF-16: the record counts code points, JavaScript strings count UTF-16 units.
  // idx[cp] is the UTF-16 index of code point cp; idx[count] is the string's length.
  function cpIndex(str) {
    const idx = [];
    let u = 0;
    for (const ch of str) {
      idx.push(u);
      u += ch.length;
    }
    idx.push(u);
    return idx;
  }

  const isSpace = (c) => /\s/.test(c);
  function nonSpace(str, from, to) {
    let s = '';
    const pos = [];
    for (let i = from; i < to; i++) {
      if (!isSpace(str[i])) {
        s += str[i];
        pos.push(i);
      }
    }
    return [s, pos];
  }

  // For text input the record's spans count from the start of the input, not of `text`: each paragraph
  // of `text` is found in the input (whitespace aside, in order), which maps input positions to text ones.
  function textInputMapper(input, text, paragraphs, textIdx) {
    const inIdx = cpIndex(input);
    const [ins, insPos] = nonSpace(input, 0, input.length);
    const map = new Int32Array(input.length + 1).fill(-1);
    let cursor = 0;
    for (const p of paragraphs) {
      const [ps, pPos] = nonSpace(text, textIdx[p.start], textIdx[p.end]);
      if (!ps) continue;
      let f = ins.indexOf(ps, cursor);
      if (f < 0) f = ins.indexOf(ps);
      if (f < 0) continue;
      for (let k = 0; k < ps.length; k++) map[insPos[f + k]] = pPos[k];
      cursor = f + ps.length;
    }
    return (start, end) => {
      const a = inIdx[start];
      const b = inIdx[end];
      if (a === undefined || b === undefined) return null;
      let s = -1;
      let e = -1;
      for (let i = a; i < b; i++) if (map[i] >= 0) { s = map[i]; break; }
      for (let i = b - 1; i >= a; i--) if (map[i] >= 0) { e = map[i] + 1; break; }
      return s >= 0 && e > s ? [s, e] : null;
    };
  }

  // A part's words looked up in `text` (whitespace aside): when the input is not at hand.
  function findInText(text, words, from) {
    const [ts, tPos] = nonSpace(text, 0, text.length);
    const [ws] = nonSpace(words, 0, words.length);
    if (!ws) return null;
    let f = ts.indexOf(ws, from);
    if (f < 0) f = ts.indexOf(ws);
    return f < 0 ? null : [tPos[f], tPos[f + ws.length - 1] + 1];
  }

  // ---- state and input ------------------------------------------------------------------------
  let chosenFile = null;
  let record = null;

  function status(msg) {
    $('status').textContent = msg;
  }

  function setFile(file) {
    chosenFile = file;
    $('file-name').textContent = file ? `${file.name} (${file.size.toLocaleString('en')} bytes)` : '';
  }

  async function read() {
    const text = $('source').value;
    if (!chosenFile && !text.trim()) {
      status('Paste a page or a text, or choose a file.');
      $('source').focus();
      return;
    }
    const params = new URLSearchParams();
    const kind = $('input-kind').value;
    const url = $('page-url').value.trim();
    if (url) params.set('url', url);
    let body;
    let type;
    let inputText;
    if (chosenFile) {
      body = await chosenFile.arrayBuffer();
      type = /^(text\/html|application\/xhtml\+xml|text\/plain)$/.test(chosenFile.type) ? chosenFile.type : 'application/octet-stream';
      if (kind !== 'auto') params.set('input', kind);
      inputText = new TextDecoder('utf-8').decode(body);
    } else {
      body = text;
      type = 'text/plain; charset=utf-8';
      params.set('input', kind);
      inputText = text;
    }
    status('Reading…');
    $('go').disabled = true;
    const t0 = performance.now();
    try {
      const resp = await fetch('/v1/extract?' + params.toString(), { method: 'POST', body, headers: { 'Content-Type': type } });
      const raw = await resp.text();
      let rec = null;
      try { rec = JSON.parse(raw); } catch (e) { rec = null; }
      const ms = Math.round(performance.now() - t0);
      if (rec && rec.byline_version) {
        render(rec, inputText);
        const speakers = new Set(rec.quotes.map((q) => q.speaker));
        status(resp.ok
          ? `Read in ${ms} ms: ${rec.quotes.length} quotation${rec.quotes.length === 1 ? '' : 's'} by ${speakers.size} speaker${speakers.size === 1 ? '' : 's'}.`
          : `byline could not read it (${resp.status}): ${rec.status}${rec.error ? ', ' + rec.error : ''}.`);
      } else {
        $('result').hidden = true;
        status(`The server answered ${resp.status}: ${rec && rec.error ? rec.error : raw.slice(0, 200)}`);
      }
    } catch (e) {
      status(`The server could not be reached: ${e.message}`);
    } finally {
      $('go').disabled = false;
    }
  }

  // ---- rendering ------------------------------------------------------------------------------
  function render(rec, inputText) {
    record = rec;
    const text = rec.text || '';
    const textIdx = cpIndex(text);
    const paragraphs = rec.paragraphs && rec.paragraphs.length ? rec.paragraphs
      : (text ? [{ kind: 'paragraph', start: 0, end: textIdx.length - 1 }] : []);

    // speakers, coloured in order of their first quotation
    const speakers = new Map();
    const keyOf = (q) => (q.speaker_id !== null && q.speaker_id !== undefined ? `id:${q.speaker_id}`
      : q.speaker ? `name:${q.speaker}` : 'unresolved');
    rec.quotes.forEach((q) => {
      const key = keyOf(q);
      if (!speakers.has(key)) {
        const person = key.startsWith('id:') ? rec.people[q.speaker_id] : null;
        const name = person ? person.name : q.speaker;
        speakers.set(key, {
          key, name, person, count: 0,
          colour: name ? colourOf([...speakers.values()].filter((s) => s.name).length, name) : UNRESOLVED,
        });
      }
      speakers.get(key).count++;
    });

    // quotation spans in UTF-16 units of `text`
    const mapInput = rec.input === 'text' && inputText ? textInputMapper(inputText, text, paragraphs, textIdx) : null;
    const spans = [];
    let searchFrom = 0;
    rec.quotes.forEach((q, qi) => {
      for (const part of q.parts) {
        let r = null;
        if (rec.input === 'text') {
          if (mapInput) r = mapInput(part.start, part.end);
          if (!r) r = findInText(text, part.text || '', searchFrom);
        } else if (textIdx[part.start] !== undefined && textIdx[part.end] !== undefined) {
          r = [textIdx[part.start], textIdx[part.end]];
        }
        if (r) {
          spans.push({ a: r[0], b: r[1], qi, speaker: speakers.get(keyOf(q)), q });
          searchFrom = 0;
        }
      }
    });
    spans.sort((x, y) => x.a - y.a || y.b - x.b);
    const flat = [];
    for (const s of spans) if (!flat.length || s.a >= flat[flat.length - 1].b) flat.push(s);

    // the article
    $('article-title').textContent = rec.title || '(no title)';
    const bodyEl = $('article-body');
    bodyEl.replaceChildren();
    let si = 0;
    let list = null;
    for (const p of paragraphs) {
      const a = textIdx[p.start];
      const b = textIdx[p.end];
      let block;
      if (p.kind === 'heading') block = el('h3');
      else if (p.kind === 'list_item') block = el('li');
      else if (p.kind === 'code') block = el('pre');
      else block = el('p');
      if (p.kind === 'list_item') {
        if (!list) { list = el('ul'); bodyEl.append(list); }
        list.append(block);
      } else {
        list = null;
        bodyEl.append(block);
      }
      while (si < flat.length && flat[si].b <= a) si++;
      let pos = a;
      for (let k = si; k < flat.length && flat[k].a < b; k++) {
        const s = flat[k];
        const from = Math.max(s.a, a);
        const to = Math.min(s.b, b);
        if (from > pos) block.append(text.slice(pos, from));
        block.append(quoteMark(s, text.slice(from, to)));
        pos = to;
      }
      if (pos < b) block.append(text.slice(pos, b));
    }
    if (!paragraphs.length) bodyEl.append(el('p', 'hint', 'No article text was found.'));

    renderLegend(rec, speakers);
    renderMeta(rec);
    $('json').textContent = JSON.stringify(rec, null, 2);
    $('result').hidden = false;
  }

  function quoteMark(s, words) {
    const m = el('mark', 'quote', words);
    m.dataset.quote = String(s.qi);
    m.dataset.speaker = s.speaker.name || '';
    m.style.setProperty('--qbg', s.speaker.colour[0]);
    m.style.setProperty('--qline', s.speaker.colour[1]);
    if (!s.speaker.name) m.classList.add('unresolved');
    const cue = s.q.cue ? ` — ${s.q.cue.text}` : '';
    m.title = `${s.speaker.name || 'speaker not resolved'}${cue} (${s.q.type})`;
    m.tabIndex = 0;
    const show = () => {
      $('quote-info').textContent = `Quotation ${s.qi + 1}: ${m.title}`;
    };
    m.addEventListener('focus', show);
    m.addEventListener('mouseenter', show);
    return m;
  }

  function renderLegend(rec, speakers) {
    const legend = $('legend');
    legend.replaceChildren();
    for (const sp of speakers.values()) {
      const li = el('li');
      const btn = el('button', 'speaker');
      btn.type = 'button';
      btn.setAttribute('aria-pressed', 'false');
      btn.dataset.speaker = sp.name || '';
      const sw = el('span', 'swatch');
      sw.style.setProperty('--qbg', sp.colour[0]);
      sw.style.setProperty('--qline', sp.colour[1]);
      sw.setAttribute('aria-hidden', 'true');
      btn.append(sw, el('span', 'name', sp.name || 'speaker not resolved'));
      const p = sp.person;
      const details = [p ? p.kind : null, p && p.title ? p.title : null].filter(Boolean).join(', ');
      if (details) btn.append(el('span', 'kind', details));
      const n = p ? p.quotes : sp.count;
      btn.append(el('span', 'count', `${n} quotation${n === 1 ? '' : 's'}`));
      btn.addEventListener('click', () => singleOut(btn));
      li.append(btn);
      legend.append(li);
    }
    if (!speakers.size) legend.append(el('li', 'hint', 'No quotations found.'));
    const others = $('others');
    others.replaceChildren();
    const quiet = rec.people.filter((p) => !p.quotes);
    for (const p of quiet) {
      const li = el('li');
      li.append(el('span', 'name', p.name));
      li.append(el('span', 'kind', [p.kind, p.title].filter(Boolean).join(', ')));
      others.append(li);
    }
    $('others-box').hidden = !quiet.length;
  }

  function singleOut(btn) {
    const on = btn.getAttribute('aria-pressed') !== 'true';
    for (const b of document.querySelectorAll('#legend button')) b.setAttribute('aria-pressed', 'false');
    btn.setAttribute('aria-pressed', on ? 'true' : 'false');
    const name = btn.dataset.speaker;
    $('article-body').classList.toggle('singled', on);
    for (const m of document.querySelectorAll('#article-body mark.quote')) m.classList.toggle('chosen', on && m.dataset.speaker === name);
  }

  function renderMeta(rec) {
    const dl = $('meta');
    dl.replaceChildren();
    const src = rec.sources || {};
    const add = (label, value, source) => {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return;
      const dd = el('dd', null, Array.isArray(value) ? value.join(', ') : value);
      if (source) dd.append(' ', el('span', 'source', `(${source})`));
      dl.append(el('dt', null, label), dd);
    };
    add('Title', rec.title, src.title);
    add('Outlet', rec.site_name, src.site_name);
    add('Authors', rec.authors, src.authors);
    add('Agency', rec.agency, src.agency);
    add('Published', rec.date_published, src.date_published);
    add('Modified', rec.date_modified, src.date_modified);
    add('Language', rec.language ? rec.language + (rec.language_declared ? ` (declared ${rec.language_declared})` : '') : null);
    add('Page type', rec.page_type ? rec.page_type + (rec.page_type_confidence !== null && rec.page_type_confidence !== undefined
      ? ` (${Math.round(rec.page_type_confidence * 100)} %)` : '') : null);
    add('Section', rec.section);
    add('URL', rec.canonical_url || rec.url);
    add('Read as', rec.input + (rec.encoding ? `, ${rec.encoding.name} (${rec.encoding.source})` : ''));
    add('Status', rec.status + (rec.error ? `: ${rec.error}` : ''));
  }

  // ---- wiring -----------------------------------------------------------------------------------
  document.addEventListener('DOMContentLoaded', () => {
    const info = el('p', 'quote-info', 'Point at a quotation, or move to it with Tab, to see who said it.');
    info.id = 'quote-info';
    info.setAttribute('aria-live', 'polite');
    $('article').insertBefore(info, $('article-body'));

    $('input-form').addEventListener('submit', (e) => {
      e.preventDefault();
      read();
    });
    $('source').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        read();
      }
    });
    $('source').addEventListener('input', () => setFile(null));
    $('file').addEventListener('change', () => {
      const f = $('file').files[0];
      if (f) {
        setFile(f);
        read();
      }
    });
    $('clear').addEventListener('click', () => {
      $('source').value = '';
      $('file').value = '';
      setFile(null);
      $('result').hidden = true;
      status('');
      $('source').focus();
    });
    const form = $('input-form');
    for (const ev of ['dragenter', 'dragover']) {
      form.addEventListener(ev, (e) => {
        e.preventDefault();
        form.classList.add('dropping');
      });
    }
    for (const ev of ['dragleave', 'drop']) form.addEventListener(ev, () => form.classList.remove('dropping'));
    form.addEventListener('drop', (e) => {
      e.preventDefault();
      const f = e.dataTransfer && e.dataTransfer.files[0];
      if (f) {
        setFile(f);
        read();
      }
    });
  });
})();
