// Makes a fresh machine ready, using only Node's own modules: pnpm at the pinned version, the workspace's
// packages (compiled offline against Node's installed headers), and, for tests, Debian's chromium,
// Firefox ESR and WebKitGTK.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
const PNPM_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const LOCAL_PNPM = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function log(message) {
  console.log(`\x1b[36m[image-message]\x1b[0m ${message}`);
}

function versionOf(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The pnpm to use: the global one if it is the pinned version, else one installed into .tools/. */
export function ensurePnpm() {
  if (versionOf('pnpm') === PNPM_VERSION) return 'pnpm';
  if (existsSync(LOCAL_PNPM) && versionOf(LOCAL_PNPM) === PNPM_VERSION) return LOCAL_PNPM;
  log(`installing pnpm ${PNPM_VERSION}`);
  const global = spawnSync('npm', ['install', '--global', '--save-exact', `pnpm@${PNPM_VERSION}`], {
    stdio: 'inherit',
  });
  if (global.status === 0 && versionOf('pnpm') === PNPM_VERSION) return 'pnpm';
  log('global install not possible here; installing pnpm into .tools/');
  execFileSync('npm', ['install', '--prefix', join(root, '.tools'), '--save-exact', `pnpm@${PNPM_VERSION}`], {
    stdio: 'inherit',
  });
  return LOCAL_PNPM;
}

function dependencyFingerprint() {
  const hash = createHash('sha256');
  const packages = readdirSync(join(root, 'packages')).map((name) => join('packages', name, 'package.json'));
  for (const file of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json', ...packages]) {
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}

/** Installs the workspace's packages unless node_modules already matches the lockfile. */
export function ensureDependencies(pnpm) {
  const stamp = join(root, 'node_modules', '.image-message-install');
  const fingerprint = dependencyFingerprint();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  log('installing dependencies');
  const env = { ...process.env };
  // Native addons (better-sqlite3) compile against the headers Node ships in /usr/include/node; without
  // this node-gyp tries to download them, which this network does not allow.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  env.JOBS ??= 'max';
  execFileSync(pnpm, ['install', '--frozen-lockfile'], { cwd: root, stdio: 'inherit', env });
  writeFileSync(stamp, fingerprint);
}

/**
 * Debian's packages for each engine the browser tests run in (scripts/engines.ts, scripts/webkit.ts):
 * Chromium, Firefox ESR, and WebKitGTK's MiniBrowser with WebKitWebDriver, which draws on an Xvfb display.
 */
const ENGINE_PACKAGES = {
  chromium: [{ path: CHROMIUM, package: 'chromium', variable: 'CHROMIUM_PATH' }],
  firefox: [
    {
      path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      package: 'firefox-esr',
      variable: 'FIREFOX_PATH',
    },
  ],
  webkit: [
    {
      path: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
      package: 'webkit2gtk-driver',
      variable: 'WEBKIT_DRIVER_PATH',
    },
    { path: '/usr/bin/Xvfb', package: 'xvfb' },
    { path: '/usr/bin/xauth', package: 'xauth' },
  ],
};

/**
 * Installs the engines' Debian packages that are missing, with apt-get, when we are root; otherwise
 * prints the apt-get line and exits. `engines`: any of 'chromium', 'firefox', 'webkit'.
 */
export function ensureEngines(engines = ['chromium', 'firefox', 'webkit']) {
  const missing = engines.flatMap((engine) =>
    ENGINE_PACKAGES[engine].filter(({ path }) => !existsSync(path)),
  );
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((entry) => entry.package))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    const paths = missing.map(
      (entry) => `${entry.path}${entry.variable ? ` (or set ${entry.variable})` : ''}`,
    );
    console.error(
      `\nThe browser tests need ${paths.join(', ')}.\n` +
        `Install with:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}\n`,
    );
    process.exit(1);
  }
  log(`installing ${packages.join(', ')} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
}

/** Debian's chromium alone, for a script that needs no other engine. */
export function ensureChromium() {
  ensureEngines(['chromium']);
}
