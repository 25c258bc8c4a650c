import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the user's system prefers, set where each engine reads it when it starts — not emulated by a
 * driver, which only Chromium's can do (Firefox ESR 153 over BiDi and WebKitWebDriver cannot).
 */
export interface SystemPreferences {
  colorScheme?: 'dark';
  reducedMotion?: 'reduce';
}

/** Chromium: Playwright's context options, which set the same media features the system would. */
export function chromiumContextOptions(preferences: SystemPreferences = {}) {
  return { colorScheme: preferences.colorScheme, reducedMotion: preferences.reducedMotion };
}

/** Firefox: the preferences its settings page writes (content's colour scheme, the system's motion). */
export function firefoxUserPrefs(preferences: SystemPreferences = {}): Record<string, number> {
  return {
    ...(preferences.colorScheme === 'dark' && { 'layout.css.prefers-color-scheme.content-override': 0 }),
    ...(preferences.reducedMotion === 'reduce' && { 'ui.prefersReducedMotion': 1 }),
  };
}

/**
 * WebKitGTK reads both from GTK: a dark theme variant, and `gtk-enable-animations` in a settings.ini
 * under its own XDG_CONFIG_HOME. Returns the environment for the driver (whose MiniBrowser inherits it)
 * and what removes that directory.
 */
export function gtkEnvironment(preferences: SystemPreferences = {}): {
  env: Record<string, string>;
  dispose(): void;
} {
  const env: Record<string, string> = {};
  if (preferences.colorScheme === 'dark') env.GTK_THEME = 'Adwaita:dark';
  if (preferences.reducedMotion !== 'reduce') return { env, dispose: () => {} };
  const home = mkdtempSync(join(tmpdir(), 'im-gtk-'));
  mkdirSync(join(home, 'gtk-3.0'));
  writeFileSync(join(home, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
  env.XDG_CONFIG_HOME = home;
  return { env, dispose: () => rmSync(home, { recursive: true, force: true }) };
}
