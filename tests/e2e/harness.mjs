// Drives the real Jejak binary over WebDriver: tauri-driver in front of WebKitWebDriver.
// Each `launch()` is a fresh app process; ending the session quits the app.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const appBinary = path.resolve(repo, process.env.JEJAK_APP ?? 'target/debug/jejak');
const driverBinary = path.resolve(repo, process.env.TAURI_DRIVER ?? 'target/tools/bin/tauri-driver');
export const artifacts = path.join(here, 'artifacts');

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** `n` distinct ports nothing listens on, chosen by the system. */
async function freePorts(n) {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function waitForPorts(ports, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await Promise.all(ports.map(portOpen));
    if (open.every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not open ports ${ports.join(', ')} within ${ms} ms`);
}

/** Starts tauri-driver with `env` (inherited by the app); returns a handle with launch()/stop(). */
// Without a GPU the app paints without compositing (src-tauri/src/painting.rs), and then WebKit's
// screenshot waits for the page's next frame, which a page that does not change never paints. An
// invisible pixel that changes every frame while the screenshot is taken gives it that frame.
function stillPagesCanBeShot(browser) {
  const tick = () => {
    const pixel = document.createElement('div');
    pixel.id = 'e2e-screenshot-tick';
    pixel.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0.01;pointer-events:none';
    document.body.append(pixel);
    let n = 0;
    const next = () => {
      if (!pixel.isConnected) return;
      pixel.style.opacity = n++ % 2 ? '0.01' : '0.02';
      requestAnimationFrame(next);
    };
    next();
  };
  const untick = () => document.getElementById('e2e-screenshot-tick')?.remove();
  browser.overwriteCommand('saveScreenshot', async (original, file) => {
    await browser.execute(tick);
    try {
      return await original(file);
    } finally {
      await browser.execute(untick).catch(() => {});
    }
  });
}

export async function startDriver(env = {}) {
  for (const [what, file] of [
    ['app binary', appBinary],
    ['tauri-driver', driverBinary],
  ]) {
    if (!existsSync(file))
      throw new Error(`${what} not found at ${file}: run \`make test\` (it builds both)`);
  }
  if (!process.env.DISPLAY)
    throw new Error('no DISPLAY: run the end-to-end tests under Xvfb (make test does)');
  mkdirSync(artifacts, { recursive: true });
  // Ports the system says are free now (a port made from the pid once fell on one in use and the
  // driver never came up), so a stale driver from an aborted run cannot answer for us either.
  const [port, nativePort] = await freePorts(2);
  const child = spawn(driverBinary, ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPorts([port, nativePort], 20000);

  const sessions = new Set();
  return {
    async launch(args = []) {
      try {
        return await this.open(args);
      } catch (e) {
        // Once in CI the app could not reach Xvfb (GTK failed to start) and the session hung: try
        // once more, saying so. A real start-up failure fails twice.
        console.error(`the app did not start (${e.message}); trying once more`);
        return await this.open(args);
      }
    },
    async open(args) {
      const start = remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'warn',
        connectionRetryCount: 0,
        capabilities: {
          browserName: 'wry',
          'wdio:enforceWebDriverClassic': true,
          'tauri:options': { application: appBinary, args },
        },
      });
      // No display or a wedged driver shows up as a hang, not an error: bound it.
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('session creation timed out')), 60000);
      });
      const browser = await Promise.race([start, timeout]).finally(() => clearTimeout(timer));
      sessions.add(browser);
      stillPagesCanBeShot(browser);
      return browser;
    },
    /** Runs `fn` with a fresh app, and always quits that app afterwards. */
    async withApp(fn, args = []) {
      const browser = await this.launch(args);
      try {
        return await fn(browser);
      } catch (e) {
        // Keep a picture of what the app showed when the test failed.
        const shot = path.join(artifacts, `failure-${Date.now()}.png`);
        await browser.saveScreenshot(shot).catch(() => {});
        // CI keeps only the log: say what the window showed, too.
        const shown = await browser
          .execute(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 600))
          .catch((err) => `(unreadable: ${err.message})`);
        console.error(`screenshot of the failure: ${shot}; the window showed: ${shown}`);
        throw e;
      } finally {
        await this.quit(browser).catch(() => {});
      }
    },
    async quit(browser) {
      sessions.delete(browser);
      await browser.deleteSession();
    },
    async stop() {
      for (const b of sessions) await b.deleteSession().catch(() => {});
      // SIGTERM, never SIGKILL: tauri-driver then stops WebKitWebDriver too.
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      await endStrayApps(env);
    },
  };
}

/**
 * Apps of this driver still running after it stopped (once in CI an app outlived its deleted
 * session; holding the test's output open, it kept the test runner waiting forever). Found by the
 * library path in their environment, asked to quit, then killed; said, so it is not hidden.
 */
async function endStrayApps(env) {
  const marker = env.JEJAK_LIBRARY ? `JEJAK_LIBRARY=${env.JEJAK_LIBRARY}` : null;
  if (!marker) return;
  // A zombie (ended, not yet reaped) has no environment to read and counts as gone.
  const alive = (pid) => {
    try {
      return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  const waitUntilGone = async (pids, ms) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
    return pids.filter(alive);
  };
  const ours = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker);
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map(Number)
    .filter((pid) => pid !== process.pid);
  // WebKit's helper processes of an app that is quitting end within moments on their own.
  const stray = await waitUntilGone(ours, 5000);
  for (const pid of stray) {
    let command = '?';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      // gone meanwhile
    }
    console.error(`an app process (pid ${pid}: ${command}) outlived its session; ending it`);
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(pid, signal);
      } catch {
        break;
      }
      if ((await waitUntilGone([pid], 5000)).length === 0) break;
    }
  }
}

/** Polls `fn` until it returns a truthy value. */
export async function eventually(fn, what, ms = 10000) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const said = typeof what === 'function' ? what() : what;
  throw new Error(`timed out waiting for ${said} (last: ${last})`);
}

export const byTestId = (id) => `[data-testid="${id}"]`;

/**
 * Closes the app's window as a user does with its close button: a WM_DELETE_WINDOW message, as a
 * window manager sends it (tools/close-window.py; Debian's python3 has python3-xlib).
 */
export function closeWindowLikeAUser(title = 'Jejak') {
  execFileSync('/usr/bin/python3', [path.join(here, 'tools', 'close-window.py'), title], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Texts of all elements matching `selector`. */
export async function texts(browser, selector) {
  return browser.execute(
    (sel) =>
      Array.from(document.querySelectorAll(sel), (el) =>
        el.matches('input, textarea, select') ? el.value : el.textContent.trim(),
      ),
    selector,
  );
}

/**
 * Picks `value` in a drop-down as a user does: the control gets the focus first, then the option
 * is chosen (WebDriver clicks it, one change, as a mouse pick). Setting the value by script on an
 * unfocused control could pass while the UI ignored the choice: WebKit sends no change event when
 * the user then picks the value the control had before the script changed it.
 */
export async function choose(browser, select, value) {
  const element = await select;
  await browser.execute((el) => el.focus(), element);
  await element.selectByAttribute('value', value);
  await eventually(async () => (await element.getValue()) === value, `the drop-down at ${value}`);
}

/** Types into an input the way a person does: click, optionally select all, type. No WebDriver
 * "clear", which blurs the field (and so would commit an in-place editor early). Text goes through
 * element "send keys": WebKitWebDriver's key actions drop the second of two equal letters. */
export async function typeInto(browser, element, text, { replace = false } = {}) {
  await element.click();
  if (replace) await browser.keys(['Control', 'a']);
  await element.addValue(text);
}

/** Makes a map from the default template, as the library's *New map* does, and waits for its board. */
export async function newMap(browser) {
  await (await browser.$(byTestId('new-map'))).waitForClickable({ timeout: 20000 });
  await browser.$(byTestId('new-map')).click();
  await browser.$(byTestId('create-map')).click();
  await browser.$$(byTestId('add-card'))[0].waitForClickable();
}

/** Opens the map titled `title` from the library's list. */
export async function openMapTitled(browser, title) {
  const row = await browser.$(`${byTestId('map-row')}*=${title}`);
  await row.waitForDisplayed({ timeout: 20000 });
  await row.$(byTestId('open-map')).click();
  await browser.$(byTestId('map-title')).waitForDisplayed();
}

/** The height of the board's top bar: one row of controls is about 50 px, two rows about 90. */
export async function topBarHeight(browser) {
  return browser.execute(() => document.querySelector('header.bar')?.getBoundingClientRect().height ?? 0);
}

/** Clicks an action of the board toolbar's More panel (overview, history, imports), opening it. */
export async function fromMore(browser, testid) {
  if (!(await browser.$(byTestId(testid)).isExisting())) {
    await browser.$(byTestId('more')).click();
    await browser.$(byTestId('more-panel')).waitForDisplayed();
  }
  await browser.$(byTestId(testid)).click();
}

/**
 * Ticks the checkbox `testid` of the export dialog once its preview is shown, as a user does:
 * looks, and clicks again if the box is still not ticked. (WebKitWebDriver's click can land while
 * the dialog settles around the preview; the PDF must never be checked with a box left unticked.)
 */
export async function tickInExport(browser, testid) {
  await eventually(
    async () => (await browser.$(byTestId('export-summary')).getText()).length > 0,
    'the preview',
  );
  const box = await browser.$(byTestId(testid));
  await box.waitForClickable();
  for (let i = 0; i < 3 && !(await box.isSelected()); i++) {
    await box.click();
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(await box.isSelected(), `${testid} ticked`);
}

/** Clicks the card titled `title` until the inspector shows it (the board may still be settling). */
export async function selectCard(browser, title) {
  await eventually(async () => {
    const card = await browser.$(`[data-testid="card"][aria-label="${title}"]`);
    if (!(await card.isExisting())) return false;
    await card.click();
    const inspector = await browser.$('[data-testid="inspector-title"]');
    return (await inspector.isExisting()) && (await inspector.getValue()) === title;
  }, `card ${title} selected`);
}

/**
 * A tauri-driver for one test file, whose apps use a fresh library in a temporary folder. English
 * unless `lang` says otherwise, so results do not depend on the machine's locale. `env` adds
 * variables for the app (an object, or a function of the temp folder).
 */
export function useDriver(name, { lang = 'en_US.UTF-8', env = {} } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), `jejak-e2e-${name}-`));
  const ctx = { dir, driver: null };
  before(async () => {
    ctx.driver = await startDriver({
      JEJAK_LIBRARY: path.join(dir, 'library.jejak'),
      // The app's own settings (the library last chosen in the app) stay in the test's folder.
      JEJAK_CONFIG_DIR: path.join(dir, 'config'),
      LANG: lang,
      LC_ALL: '',
      LC_MESSAGES: '',
      // Extra variables may depend on the temp folder (a path inside it).
      ...(typeof env === 'function' ? env(dir) : env),
    });
  });
  after(async () => ctx.driver?.stop());
  return ctx;
}
