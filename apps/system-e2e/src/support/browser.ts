import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's chromium, installed by tools/install-browser.sh; Playwright downloads no browser of its own. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const workspace = join(__dirname, '../../../..');

/** Saves what the page shows under the test results (`$BAZAAR_TEST_RESULTS/screenshots`), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(process.env['BAZAAR_TEST_RESULTS'] ?? join(workspace, 'tmp/test-results'), 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in on the console as a role, as a person would: the role picker, then Sign in. */
export async function signIn(page: Page, consoleUrl: string, role: string): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByRole('radio', { name: new RegExp(`^${role} —`) }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').filter({ hasText: role }).waitFor();
}
