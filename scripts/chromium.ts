import { existsSync } from 'node:fs';

/** Debian's chromium; Playwright's own browser download cannot work on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags without which chromium tries to reach Google's hosts on this closed network and stalls. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumLaunchOptions() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it with \`sudo apt-get install -y chromium\`, or set CHROMIUM_PATH.`,
    );
  }
  return { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
}
