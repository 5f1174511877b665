/**
 * Headless Chromium for tests that look at a report as a reader would. The
 * browser is Debian's (apt-get install chromium; .ci/run installs it), driven
 * by puppeteer-core, which downloads nothing. Without one, tests skip.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);

/** The Chromium executable, or undefined when this machine has none. */
export const chromiumPath: string | undefined = CANDIDATES.find((p) => existsSync(p));

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Requests that failed, and any request for something other than the file itself. */
  foreignRequests: string[];
}

/** A browser with a new, empty profile and no background traffic; `close` removes the profile too. */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!chromiumPath) throw new Error('no Chromium found (apt-get install chromium)');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a local file at a viewport width, recording errors and every request beyond the file. */
export async function openFile(browser: Browser, file: string, width: number): Promise<OpenedPage> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  const url = pathToFileURL(file).href;
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => foreignRequests.push(`failed: ${r.url()}`));
  page.on('request', (r) => {
    if (r.url() !== url) foreignRequests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, foreignRequests };
}
