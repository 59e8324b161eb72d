/**
 * Every page, in kk, ru and en, at desktop and phone size, with its data loaded: axe-core (WCAG 2.0–2.2 A and AA
 * rules) finds no violation, and a screenshot of each goes into e2e/artifacts/pages/, one folder for a reviewer to
 * look through.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { AxeBuilder } from "@axe-core/playwright";

import { LOCALE_COOKIE, LOCALES } from "../i18n/locales";
import type { World } from "./harness";
import { worldSession } from "./session";

let world: World;
const { track } = worldSession({ artifacts: "pages" }, (started) => {
  world = started;
});

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

describe("every page, in each language and at each size", () => {
  it("has no WCAG A/AA violation that axe-core finds, with its data loaded, and is saved as a screenshot", async () => {
    const { documents, proposals, appeals } = world.record;
    const routes: Record<string, string> = {
      home: "/",
      documents: "/documents",
      document: `/documents/${documents.decreePilotRevised?.tokenId}`,
      proposals: "/proposals",
      proposal: `/proposals/${proposals.active}`,
      budget: "/budget",
      officials: "/officials",
      appeals: "/appeals",
      appeal: `/appeals/${appeals.forwardedAndRejected}`,
      "appeal-new": `/appeals/new?document=${documents.orderTengeAccounting?.tokenId}`,
      "open-data": "/open-data",
      verify: "/verify",
      council: "/council",
      registrar: "/registrar",
    };
    const violations: string[] = [];
    let checked = 0;
    for (const locale of LOCALES) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const page = track(await world.page());
        await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: world.web.url }]);
        await page.setViewportSize(viewport);
        for (const [name, route] of Object.entries(routes)) {
          await page.goto(`${world.web.url}${route}`, { waitUntil: "networkidle" });
          assert.equal(await page.locator("html").getAttribute("lang"), locale, `${route} in ${locale}`);
          const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
          for (const v of result.violations) violations.push(`${locale} ${size} ${route}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ") ?? ""}`);
          await world.screenshot(page, `${name}-${locale}-${size}`);
          checked += 1;
        }
        await page.context().clearCookies({ name: LOCALE_COOKIE });
        await page.close();
      }
    }
    console.log(`${checked} page views checked by axe-core`);
    assert.deepEqual(violations, []);
  });
});
