// The page of `byline serve` in a real browser (Debian's chromium, driven by playwright-core).
// usage: node test_page.mjs BYLINE OUTDIR   (run by run.sh; screenshots go to OUTDIR)
// Pastes the seed story (../shared/corpora/seed, read here, never copied) and checks the quotations,
// their colours, the legend and the metadata; uploads fixture.html and checks title and text; looks at
// the page on a phone-sized screen; saves screenshots.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [byline, outDir] = process.argv.slice(2);
const shared = process.env.BYLINE_SHARED || resolve(here, '..', '..', '..', 'shared');
const seedPath = join(shared, 'corpora', 'seed', '000_ff871f241174ef25.txt');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, cond, detail) {
  if (cond) passed++;
  else {
    failed++;
    console.error(`FAILED: ${name}${detail !== undefined ? ` (${JSON.stringify(detail)})` : ''}`);
  }
}

function startServer() {
  return new Promise((res, rej) => {
    const proc = spawn(byline, ['serve', '--listen', '127.0.0.1:0', '-j', '2', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let buf = '';
    const onData = (d) => {
      buf += d.toString();
      const m = buf.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        proc.stderr.off('data', onData);
        proc.stderr.on('data', (x) => process.stderr.write(x));
        res({ proc, base: `http://127.0.0.1:${m[1]}` });
      }
    };
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => rej(new Error(`byline serve exited (${code}): ${buf}`)));
  });
}

const { proc, base } = await startServer();
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-proxy-server'] });
let exitCode = 1;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(base)) problems.push(`request elsewhere: ${r.url()}`); });
  await page.goto(base + '/');
  check('the page loads with its script and style', await page.locator('#source').isVisible()
    && (await page.evaluate(() => getComputedStyle(document.querySelector('button#go')).borderRadius)) !== '0px');

  // ---- the seed story, pasted, read with the keyboard ------------------------------------------
  if (existsSync(seedPath)) {
    const seed = readFileSync(seedPath, 'utf8');
    // what the library gives for the same text: the page must show exactly that
    const rec = await (await fetch(`${base}/v1/extract?input=auto`, {
      method: 'POST', body: seed, headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })).json();
    await page.locator('#source').fill(seed);
    await page.locator('#source').press('Control+Enter');
    await page.locator('#result').waitFor({ state: 'visible', timeout: 20000 });
    await page.locator('#status').filter({ hasText: 'quotation' }).waitFor({ timeout: 20000 });

    const marks = await page.$$eval('#article-body mark.quote', (ms) => ms.map((m) => ({
      q: Number(m.dataset.quote), speaker: m.dataset.speaker, text: m.textContent, bg: getComputedStyle(m).backgroundColor,
    })));
    const quoteIds = new Set(marks.map((m) => m.q));
    check('the 10 quotations are highlighted', rec.quotes.length === 10 && quoteIds.size === 10, [rec.quotes.length, quoteIds.size]);
    // each quotation's marked words are its parts' words (the code-point spans converted right)
    const squash = (s) => s.replace(/\s+/g, '');
    rec.quotes.forEach((q, i) => {
      const shown = marks.filter((m) => m.q === i).map((m) => m.text).join('');
      check(`quotation ${i + 1} marks exactly its words`, squash(shown) === squash(q.parts.map((p) => p.text).join('')),
        [shown.slice(0, 60), q.parts[0].text.slice(0, 60)]);
    });
    const colours = (name) => new Set(marks.filter((m) => m.speaker === name).map((m) => m.bg));
    const milano = colours('Alyssa Milano');
    check("Alyssa Milano's quotations are one colour", milano.size === 1 && marks.filter((m) => m.speaker === 'Alyssa Milano').length >= 3,
      [...milano]);
    for (const other of ['Asia Argento', 'Rose McGowan', 'Mira Sorvino']) {
      const c = colours(other);
      check(`${other}'s quotations are one colour, not Milano's`, c.size === 1 && ![...c].some((x) => milano.has(x)), [...c]);
    }
    const legend = await page.locator('#legend').innerText();
    for (const name of ['Alyssa Milano', 'Asia Argento', 'Rose McGowan', 'Mira Sorvino'])
      check(`the legend lists ${name}`, legend.includes(name), legend);
    check('the legend gives kind, title and count', /Alyssa Milano\s*person, star\s*3 quotations/.test(legend), legend);
    const meta = await page.locator('#meta').innerText();
    for (const want of ['myTalk 107.1', 'Cover Media', '2018-08-21'])
      check(`the metadata panel shows ${want}`, meta.includes(want), meta);
    check('the metadata panel shows the title and language', meta.includes('Asia Argento allegations') && /Language\s*en/.test(meta), meta);

    // keyboard: the first speaker's button singles out their quotations
    const first = page.locator('#legend button').first();
    await first.focus();
    await page.keyboard.press('Enter');
    check('a speaker chosen with the keyboard is singled out', (await first.getAttribute('aria-pressed')) === 'true'
      && (await page.locator('#article-body mark.quote.chosen').count()) === marks.filter((m) => m.speaker === 'Alyssa Milano').length);
    await page.keyboard.press('Enter');
    // the JSON on demand
    check('the JSON is hidden until asked for', !(await page.locator('#json').isVisible()));
    await page.locator('#json-box summary').focus();
    await page.keyboard.press('Enter');
    const json = await page.locator('#json').innerText();
    check('the JSON record on demand', (await page.locator('#json').isVisible()) && JSON.parse(json).title === rec.title);
    await page.screenshot({ path: join(outDir, 'seed.png'), fullPage: true });

    // a phone: one column, nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check('readable on a phone: no sideways scrolling', overflow <= 0, overflow);
    const cols = await page.evaluate(() => getComputedStyle(document.querySelector('#result')).gridTemplateColumns.split(' ').length);
    check('readable on a phone: one column', cols === 1, cols);
    await page.screenshot({ path: join(outDir, 'seed-phone.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  } else {
    console.log(`test_browser: ${seedPath} not found: the seed part is skipped`);
  }

  // ---- an HTML page, uploaded --------------------------------------------------------------------
  await page.locator('#clear').click();
  await page.locator('#file').setInputFiles(join(here, 'fixture.html'));
  await page.locator('#article-title').filter({ hasText: 'Night ferry' }).waitFor({ timeout: 20000 });
  check('upload: the title', (await page.locator('#article-title').innerText()) === 'Night ferry returns to the bay');
  const body = await page.locator('#article-body').innerText();
  check('upload: the article text', body.includes('The night ferry between the two piers 🌉 is running again')
    && body.includes('shortly after midnight') && !body.includes('Privacy') && !body.includes('Sport'), body);
  const up = await page.$$eval('#article-body mark.quote', (ms) => ms.map((m) => m.textContent));
  check('upload: quotations after astral characters are marked exactly', up.length === 2
    && up[0] === '“We have missed the late crossing more than we expected 🚢,”'
    && up[1] === '“Bring a coat, the wind on the water is colder than it looks,”', up);
  const meta = await page.locator('#meta').innerText();
  check('upload: the metadata', meta.includes('Harbour Herald') && meta.includes('Ines Calder') && meta.includes('2025-06-14'), meta);
  await page.screenshot({ path: join(outDir, 'upload.png'), fullPage: true });
  check(`no script errors, CSP violations or requests elsewhere`, problems.length === 0, problems);
  exitCode = 0;
} catch (e) {
  console.error(`FAILED: ${e.stack || e}`);
  failed++;
} finally {
  await browser.close();
  proc.kill('SIGTERM');
  await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
  check('byline serve stops on SIGTERM with status 0', proc.exitCode === 0, proc.exitCode);
}
console.log(`test_browser: ${passed} passed, ${failed} failed (screenshots in ${outDir})`);
process.exit(failed || exitCode ? 1 : 0);
