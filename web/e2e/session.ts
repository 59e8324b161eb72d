/**
 * One e2e test file's session: starts the world (harness.ts) before the file's tests and stops it after, screenshots
 * and closes every page a test left open (a passing test closes its pages, so an open one belongs to a failure),
 * and opens pages as a development account through the injected wallet.
 *
 *   let world: World;
 *   const { openAs, track } = worldSession({ artifacts: "officials" }, (started) => {
 *     world = started;
 *   });
 */
import { after, afterEach, before } from "node:test";

import type { Page } from "playwright-core";

import { type World, type WorldOptions, startWorld } from "./harness";

export interface Session {
  /** Opens `path`, as dev account `account` if given (connecting the injected wallet unless wagmi reconnected it). */
  openAs(path: string, account?: number): Promise<Page>;
  /** Registers a page the test opened itself, so that it is screenshotted and closed if the test fails. */
  track(page: Page): Page;
}

/** `onStart` gets the started world (and may prepare it further) before the file's first test. */
export function worldSession(options: WorldOptions, onStart: (world: World) => void | Promise<void>): Session {
  let world: World | undefined;
  const openPages: Page[] = [];
  const started = (): World => {
    if (!world) throw new Error("the world has not started (worldSession's before hook did not run)");
    return world;
  };

  before(async () => {
    world = await startWorld(options);
    await onStart(world);
  });
  after(async () => {
    await world?.stop();
  });
  afterEach(async (t) => {
    for (const page of openPages.splice(0)) {
      if (page.isClosed()) continue;
      await started().screenshot(page, `FAILED-${t.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`).catch(() => {});
      await page.close();
    }
  });

  const track = (page: Page): Page => {
    openPages.push(page);
    return page;
  };

  async function openAs(path: string, account?: number): Promise<Page> {
    const w = started();
    if (account !== undefined) w.wallet.account = account;
    const page = track(await w.page());
    await page.goto(`${w.web.url}${path}`);
    if (account !== undefined) {
      const connected = page.getByTestId("connected-account");
      // wagmi first reconnects the wallet it remembers; act only once it has settled.
      await page.locator('[data-wallet-status="connected"], [data-wallet-status="disconnected"]').waitFor();
      // The server renders "disconnected"; after hydration wagmi reconnects a remembered wallet. Give it that moment,
      // or a click on "Connect wallet" races the reconnect and the menu it opens is replaced under the pointer.
      if (await page.locator('[data-wallet-status="disconnected"]').isVisible()) await connected.waitFor({ timeout: 3_000 }).catch(() => {});
      if (await page.locator('[data-wallet-status="disconnected"]').isVisible()) {
        await page.locator("summary", { hasText: "Connect wallet" }).click();
        await page.getByRole("button", { name: "Browser wallet" }).click();
      }
      await connected.waitFor();
    }
    return page;
  }

  return { openAs, track };
}
