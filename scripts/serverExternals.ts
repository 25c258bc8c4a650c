import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(
  readFileSync(fileURLToPath(new URL('../packages/server/package.json', import.meta.url)), 'utf8'),
) as { dependencies: Record<string, string> };

/**
 * What a bundle of the reference server leaves as imports: Node's modules and the server's dependencies
 * (each with its subpaths), read from its package.json so a new dependency cannot be bundled by mistake.
 * The library build keeps `@image-message/core` external too (it imports core's dist); the server's
 * process tests bundle core from its sources instead, so they need no build first.
 */
export function serverExternals({ bundleWorkspace = false } = {}): RegExp[] {
  const names = Object.keys(manifest.dependencies).filter(
    (name) => !(bundleWorkspace && name.startsWith('@image-message/')),
  );
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return [/^node:/, ...escaped.map((name) => new RegExp(`^${name}($|/)`))];
}
