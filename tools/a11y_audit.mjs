// Accessibility audit of every LR Lab route: axe-core rules plus a keyboard walk, in Debian's
// chromium, at a desktop (1280×900) and a phone (360×740) viewport. See docs/accessibility.md.
//
//   dotnet publish src/LrLab.Web -c Release -o artifacts/web
//   mkdir -p /tmp/a11ytools && (cd /tmp/a11ytools && npm install playwright-core@1.65.1 axe-core@4.14.1)
//   node tools/a11y_audit.mjs [--modules /tmp/a11ytools/node_modules] [--root artifacts/web/wwwroot]
//                             [--only lab] [--json out.json] [--no-keyboard] [--no-finder-run] [--strict]
//                             [--shots DIR]   (full-page PNG per page and viewport, plus the same page as
//                                              people with deuteranopia and protanopia see it)
//
// The two npm packages are never committed: --modules (or A11Y_NODE_MODULES, or tools/node_modules,
// which .gitignore skips) says where they are. Playwright's own browser download is not needed: we
// launch /usr/bin/chromium (or CHROMIUM). Prints one block per page and viewport with each
// violation's rule, impact and targets, then a table of counts per page. --strict exits 1 when a
// serious or critical violation or a keyboard problem remains.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const modules = args.modules ?? process.env.A11Y_NODE_MODULES
    ?? [path.join(here, 'node_modules'), '/tmp/a11ytools/node_modules'].find(existsSync);
if (!modules || !existsSync(path.join(modules, 'axe-core'))) {
    fail('axe-core and playwright-core not found: install them (see the header of this file) and pass --modules DIR');
}
const require = createRequire(path.join(modules, 'noop.js'));
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');
const root = path.resolve(args.root ?? path.join(here, '..', 'artifacts', 'web', 'wwwroot'));
if (!existsSync(path.join(root, 'index.html'))) {
    fail(`no published site at ${root}: run dotnet publish src/LrLab.Web -c Release -o artifacts/web`);
}

const lessons = ['what-is-the-learning-rate', 'too-small', 'just-right', 'too-large', 'terrain', 'optimizers',
    'schedules', 'batch-size', 'finding-a-rate', 'line-search', 'diagnostic-mindset', 'momentum', 'adam-and-axes',
    'gradient-flow', 'sanity-checks'];
const viewports = [{ name: '1280', width: 1280, height: 900 }, { name: '360', width: 360, height: 740 }];

// Each page: a route, an optional action that brings it to the state worth auditing, and a label.
const pages = [
    { name: 'home', url: '/' },
    { name: 'learn', url: '/learn' },
    ...lessons.map(slug => ({ name: `learn/${slug}`, url: `/learn/${slug}` })),
    { name: 'lab', url: '/lab', ready: '[data-testid=lr-slider]', checks: labKeys },
    { name: 'lab race', url: '/lab?surface=ravine&compare=0.01,0.03', ready: '[data-testid=legend-item]' },
    {
        name: 'lab race played', url: '/lab?lr=0.001&compare=0.05,0.3,0.6', ready: '[data-testid=legend-item]',
        act: async page => { await page.click('[data-testid=run-to-end]'); await page.waitForTimeout(500); },
    },
    { name: 'lab mixed race', url: '/lab?surface=ravine&race=sgd:0.03,momentum:0.01,adam:0.1,linesearch:0.05', ready: '[data-testid=legend-item]' },
    { name: 'lab linesearch', url: '/lab?optimizer=linesearch', ready: '[data-testid=lr-slider]' },
    { name: 'schedules', url: '/schedules', ready: '[data-testid=schedule-chart]' },
    { name: 'finder', url: '/finder', ready: '[data-testid=finder-run]' },
    {
        name: 'finder after run', url: '/finder?iters=40', ready: '[data-testid=finder-run]', slow: true,
        act: async page => {
            await page.click('[data-testid=finder-run]');
            await page.waitForSelector('[data-testid=suggested-lr]', { timeout: 180_000 });
        },
    },
    { name: 'diagnose', url: '/diagnose', ready: '[data-testid=diagnose-run]' },
    {
        name: 'diagnose result', url: '/diagnose', ready: '[data-testid=diagnose-run]',
        act: async page => {
            await page.click('button[data-example]');
            await page.click('[data-testid=diagnose-run]');
            await page.waitForSelector('[data-testid=verdict]', { timeout: 30_000 });
        },
    },
];

// Colour-vision-deficiency simulation: the Machado, Oliveira and Fernandes (2009) matrices at
// full severity, applied to the whole page as an SVG filter, so a screenshot shows whether the
// charts still tell their series and regions apart without colour.
const cvd = {
    deuteranopia: '0.367 0.861 -0.228 0 0  0.280 0.673 0.047 0 0  -0.012 0.043 0.969 0 0  0 0 0 1 0',
    protanopia: '0.152 1.053 -0.205 0 0  0.115 0.786 0.099 0 0  -0.004 -0.048 1.052 0 0  0 0 0 1 0',
};

const selected = pages.filter(p => !args.only || p.name.includes(args.only))
    .filter(p => !(p.slow && args['no-finder-run']));
const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const report = [];
try {
    for (const spec of selected) {
        // One load per page: audit at 1280, then resize to 360 and audit again (what a phone sees
        // after the same steps), so slow actions such as a range test run only once.
        const context = await browser.newContext({ viewport: viewports[0] });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', e => errors.push(String(e)));
        await page.goto(base + spec.url);
        await page.waitForSelector('main h1', { timeout: 30_000 });
        if (spec.ready) await page.waitForSelector(spec.ready, { timeout: 30_000 });
        if (spec.act) await spec.act(page);
        for (const vp of viewports) {
            await page.setViewportSize({ width: vp.width, height: vp.height });
            await page.waitForTimeout(300);
            const axe = await runAxe(page);
            const keys = args['no-keyboard'] ? null : await walkKeyboard(page);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (args.shots) await shoot(page, `${spec.name.replace(/[^a-z0-9]+/g, '-')}-${vp.name}`);
            const entry = { page: spec.name, url: spec.url, viewport: vp.name, violations: axe, keyboard: keys, overflow, errors: [...errors], checks: [] };
            report.push(entry);
        }
        // Checks that press keys change the page, so they run once, after both audits.
        const last = report[report.length - 1];
        last.checks = [await skipLink(page), ...(spec.checks ? await spec.checks(page) : [])];
        for (const entry of report.slice(-viewports.length)) print(entry);
        await context.close();
    }
} finally {
    await browser.close();
    server.close();
}
summary(report);
if (args.json) await writeFile(args.json, JSON.stringify(report, null, 2));
const bad = report.some(r => r.violations.some(v => v.impact === 'serious' || v.impact === 'critical')
    || (r.keyboard && (r.keyboard.invisible.length > 0 || r.keyboard.faint.length > 0 || r.keyboard.trapped))
    || r.checks.some(c => !c.ok));
process.exit(args.strict && bad ? 1 : 0);

async function runAxe(page) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
        // Everything axe runs by default (WCAG 2.0/2.1/2.2 A and AA plus best practices), and three
        // rules it ships switched off: target size (WCAG 2.2 AA 2.5.8, 24×24 px) and duplicate ids.
        const r = await window.axe.run(document, {
            resultTypes: ['violations'],
            rules: { 'target-size': { enabled: true }, 'duplicate-id': { enabled: true }, 'duplicate-id-active': { enabled: true } },
        });
        return r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(' ')),
            summary: v.nodes[0]?.failureSummary ?? '',
        }));
    });
    return result;
}

// Tabs through the page from the top and notes every stop: what it is, whether focus can be seen
// (an outline or a box-shadow that differs from the unfocused look), and whether focus got stuck.
async function walkKeyboard(page) {
    // blur() alone keeps the browser's sequential-focus starting point where the last click was;
    // focusing a throw-away element at the top of <body> moves it back to the start of the page.
    await page.evaluate(() => {
        window.scrollTo(0, 0);
        const start = document.createElement('span');
        start.tabIndex = -1;
        start.id = 'a11y-audit-start';
        document.body.prepend(start);
        start.focus();
    });
    const stops = [];
    const invisible = [];
    const faint = [];
    let trapped = false;
    let sameInARow = 0;
    let previous = null;
    for (let i = 0; i < 250; i++) {
        await page.keyboard.press('Tab');
        if (i === 0) await page.evaluate(() => document.getElementById('a11y-audit-start')?.remove());
        const info = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const describe = e => {
                const id = e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : e.id ? `#${e.id}` : '';
                return `${e.tagName.toLowerCase()}${id}${e.type ? `(${e.type})` : ''}`;
            };
            const cs = getComputedStyle(el);
            const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
            const shadow = cs.boxShadow && cs.boxShadow !== 'none';
            // Contrast of the ring against what lies behind it (the first ancestor with a background):
            // WCAG 1.4.11 asks 3:1 of a focus indicator.
            const rgb = c => (c.match(/[\d.]+/g) ?? []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                .reduce((t, v, i) => t + v * [0.2126, 0.7152, 0.0722][i], 0);
            let back = el.parentElement;
            while (back && (rgb(getComputedStyle(back).backgroundColor)[3] === 0 || getComputedStyle(back).backgroundColor === 'transparent')) back = back.parentElement;
            const behind = back ? rgb(getComputedStyle(back).backgroundColor) : [255, 255, 255];
            const ring = outline && cs.outlineStyle !== 'auto' ? rgb(cs.outlineColor) : null;
            const [hi, lo] = ring ? [lum(ring), lum(behind)].sort((a, b) => b - a) : [0, 0];
            const ringContrast = ring ? (hi + 0.05) / (lo + 0.05) : null;
            const visibleBox = el.getBoundingClientRect().width > 0;
            return {
                key: describe(el) + '|' + (el.textContent ?? '').trim().slice(0, 30) + '|' + [...el.parentNode.children].indexOf(el),
                what: describe(el), text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
                focusVisible: el.matches(':focus-visible'), indicator: outline || shadow, visibleBox, ringContrast,
            };
        });
        if (!info) break; // focus left the document: the walk wrapped around, nothing trapped it
        if (stops.length > 0 && info.key === stops[0].key) break; // wrapped back to the first stop
        if (previous === info.key) {
            if (++sameInARow >= 3) { trapped = true; break; }
        } else sameInARow = 0;
        previous = info.key;
        stops.push(info);
        if (info.visibleBox && !info.indicator) invisible.push(info.what + (info.text ? ` "${info.text}"` : ''));
        if (info.visibleBox && info.ringContrast !== null && info.ringContrast < 3) faint.push(`${info.what} ${info.ringContrast.toFixed(1)}:1`);
    }
    return { stops: stops.length, invisible: [...new Set(invisible)], faint: [...new Set(faint)], trapped, order: stops.map(s => s.what) };
}

async function shoot(page, name) {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(args.shots, { recursive: true });
    await page.screenshot({ path: path.join(args.shots, `${name}.png`), fullPage: true });
    if (!/^(lab-race-played|finder-after-run|diagnose-result)-/.test(name)) return;
    for (const [kind, matrix] of Object.entries(cvd)) {
        await page.evaluate(([m]) => {
            const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
            svg.id = 'a11y-cvd';
            svg.setAttribute('style', 'position:absolute;width:0;height:0');
            svg.innerHTML = `<filter id="a11y-cvd-filter" color-interpolation-filters="linearRGB"><feColorMatrix type="matrix" values="${m}"/></filter>`;
            document.body.append(svg);
            document.documentElement.style.filter = 'url(#a11y-cvd-filter)';
        }, [matrix]);
        await page.screenshot({ path: path.join(args.shots, `${name}-${kind}.png`), fullPage: true });
        await page.evaluate(() => { document.getElementById('a11y-cvd')?.remove(); document.documentElement.style.filter = ''; });
    }
}

// The skip link must move focus into <main> and stay on the page (with <base href="/"> a bare
// "#main" link would send the router to the home page).
async function skipLink(page) {
    const before = page.url();
    await page.focus('.skip-link');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
    return { name: 'skip link focuses main and keeps the page', ok: inMain && page.url() === before, detail: `url ${page.url()}` };
}

// The lab's page-wide shortcuts (space = play/pause, arrows = nudge the rate) must leave fields,
// <details> and the slider alone, and still work when nothing in particular has focus.
async function labKeys(page) {
    const read = async () => ({
        step: await page.textContent('[data-testid=step-count]'),
        lr: await page.textContent('[data-testid=lr-value]'),
        playing: await page.getAttribute('[data-testid=play]', 'aria-pressed'),
    });
    const same = (a, b) => a.step === b.step && a.lr === b.lr && a.playing === b.playing;
    const out = [];
    const start = await read();
    await page.focus('[data-testid=lr-input]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    let now = await read();
    out.push({ name: 'space and arrows in the rate field do not fire shortcuts', ok: now.step === start.step && now.playing === start.playing, detail: JSON.stringify(now) });
    await page.fill('[data-testid=lr-input]', start.lr);
    await page.press('[data-testid=lr-input]', 'Enter');
    const summary = page.locator('.tick-help summary');
    if (await summary.count() > 0) {
        const before = await read();
        await summary.focus();
        await page.keyboard.press('Space');
        await page.waitForTimeout(300);
        const open = await page.evaluate(() => document.querySelector('.tick-help').open);
        now = await read();
        out.push({ name: 'space on a <summary> opens it and does not play', ok: open && same(before, now), detail: `open=${open} ${JSON.stringify(now)}` });
    }
    const before = await read();
    await page.focus('[data-testid=lr-slider]');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    now = await read();
    out.push({ name: 'arrow keys move the focused slider (once)', ok: now.lr !== before.lr && now.playing === before.playing, detail: `${before.lr} → ${now.lr}` });
    await page.focus('[data-testid=play]');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    now = await read();
    await page.keyboard.press('Enter');
    out.push({ name: 'Enter on play starts the run', ok: now.playing === 'true', detail: JSON.stringify(now) });
    await page.click('h1');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    now = await read();
    await page.keyboard.press('Space');
    out.push({ name: 'space with no widget focused toggles play', ok: now.playing === 'true', detail: JSON.stringify(now) });
    return out;
}

function print(entry) {
    const counts = countByImpact(entry.violations);
    console.log(`\n== ${entry.page} (${entry.url}) @ ${entry.viewport} px: ${entry.violations.length} rules violated`
        + ` [critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}]`
        + (entry.overflow > 0 ? `, page scrolls sideways by ${entry.overflow} px` : ''));
    for (const v of entry.violations) {
        console.log(`  ${v.impact.padEnd(8)} ${v.id}: ${v.help}`);
        for (const t of v.targets.slice(0, 6)) console.log(`           ${t}`);
        if (v.targets.length > 6) console.log(`           … and ${v.targets.length - 6} more`);
    }
    if (entry.keyboard) {
        const k = entry.keyboard;
        console.log(`  keyboard: ${k.stops} tab stops${k.trapped ? ', FOCUS TRAPPED' : ''}`
            + (k.invisible.length ? `, no visible focus on: ${k.invisible.join(', ')}` : ', focus visible on every stop')
            + (k.faint.length ? `; focus ring under 3:1 on: ${k.faint.join(', ')}` : ''));
    }
    for (const c of entry.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok ? '' : ` (${c.detail})`}`);
    for (const e of entry.errors) console.log(`  page error: ${e}`);
}

function summary(report) {
    console.log('\npage                         viewport  critical serious moderate minor  tabstops  no-focus-ring  faint-ring');
    for (const r of report) {
        const c = countByImpact(r.violations);
        console.log(`${r.page.padEnd(29)}${r.viewport.padEnd(10)}${String(c.critical).padStart(8)}${String(c.serious).padStart(8)}`
            + `${String(c.moderate).padStart(9)}${String(c.minor).padStart(6)}${String(r.keyboard?.stops ?? '-').padStart(10)}`
            + `${String(r.keyboard?.invisible.length ?? '-').padStart(15)}${String(r.keyboard?.faint.length ?? '-').padStart(12)}`);
    }
    const total = report.reduce((t, r) => { const c = countByImpact(r.violations); for (const k in c) t[k] += c[k]; return t; },
        { critical: 0, serious: 0, moderate: 0, minor: 0 });
    console.log(`total (rule × page × viewport): critical ${total.critical}, serious ${total.serious}, moderate ${total.moderate}, minor ${total.minor}`);
    const checks = report.flatMap(r => r.checks);
    console.log(`keyboard checks: ${checks.filter(c => c.ok).length} of ${checks.length} pass`);
}

function countByImpact(violations) {
    const c = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of violations) c[v.impact ?? 'minor']++;
    return c;
}

// A static host with the fallback to index.html that client-side routes need.
async function serve(dir) {
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
        '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.svg': 'image/svg+xml',
        '.ico': 'image/x-icon', '.dat': 'application/octet-stream', '.webcil': 'application/octet-stream',
        '.bin': 'application/octet-stream', '.txt': 'text/plain' };
    const srv = createServer(async (req, res) => {
        const url = new URL(req.url, 'http://x');
        let file = path.join(dir, decodeURIComponent(url.pathname));
        if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
        const isFile = await stat(file).then(s => s.isFile(), () => false);
        if (!isFile) file = path.join(dir, 'index.html');
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
        res.end(await readFile(file));
    });
    await new Promise(resolve => srv.listen(0, '127.0.0.1', resolve));
    return srv;
}

function parseArgs(list) {
    const out = {};
    for (let i = 0; i < list.length; i++) {
        const a = list[i];
        if (!a.startsWith('--')) continue;
        const key = a.slice(2);
        if (list[i + 1] && !list[i + 1].startsWith('--')) out[key] = list[++i];
        else out[key] = true;
    }
    return out;
}

function fail(message) {
    console.error(`error: ${message}`);
    process.exit(2);
}
