// A scratch app outside the repository with the packed packages installed, as a new user's app has them:
// each tarball from `pnpm pack` extracted into node_modules/@image-message/<name>, and their dependencies
// and peers linked from the workspace (nothing else). Outside the repository, no bundler finds the
// workspace's tsconfig paths or source aliases: imports resolve through the packages' own `exports`.
// Used by scripts/check-packaging.mjs and scripts/bundle-budget.mjs.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { ensurePnpm, root } from './bootstrap.mjs';

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The workspace's copy of `name`: the one package `dir` resolves, else the root's, else any package's. */
export function workspaceCopy(name, dir = root) {
  const packageDirs = readdirSync(join(root, 'packages')).map((folder) => join(root, 'packages', folder));
  for (const base of [dir, root, ...packageDirs]) {
    const candidate = join(base, 'node_modules', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} is not installed in the workspace (needed by the scratch app)`);
}

/** Links `from` into the app's node_modules as `name` (once). */
export function linkInto(app, name, from) {
  const target = join(app, 'node_modules', name);
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(realpathSync(from), target, 'dir');
}

/** `pnpm pack` of each package (its dist/ as built) into `destination`; the tarballs' paths by name. */
export function packPackages(names, destination) {
  const pnpm = ensurePnpm();
  return Object.fromEntries(
    names.map((name) => {
      const output = execFileSync(pnpm, ['pack', '--pack-destination', destination], {
        cwd: join(root, 'packages', name),
        encoding: 'utf8',
      });
      return [name, output.trim().split('\n').at(-1)];
    }),
  );
}

/**
 * Makes `app` (a new directory) an app with `tarballs` installed and their dependencies and peers, plus
 * `extra` packages, linked from the workspace.
 */
export function installPacked(app, tarballs, extra = []) {
  mkdirSync(join(app, 'node_modules', '@image-message'), { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'fresh-app', private: true, type: 'module' }, null, 2)}\n`,
  );
  for (const [name, tarball] of Object.entries(tarballs)) {
    const dir = join(app, 'node_modules', '@image-message', name);
    mkdirSync(dir);
    execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
    const manifest = readJson(join(dir, 'package.json'));
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (!dependency.startsWith('@image-message/'))
        linkInto(app, dependency, workspaceCopy(dependency, join(root, 'packages', name)));
    }
  }
  for (const dependency of extra) linkInto(app, dependency, workspaceCopy(dependency));
}
