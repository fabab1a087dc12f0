// Every view of the playground at phone, tablet and desktop widths, light and
// dark: no horizontal overflow, and no axe-core violations (the WCAG 2.x A and
// AA rules). Screenshots of each view at 390×844 and 1400×1000, light and dark,
// go to tests/output/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { serve, launch, watch, root, outputDir } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const VIEWS = ["decoder", "encoder", "cookies", "sandbox"];
const WIDTHS = [320, 390, 768, 1400];

let server, browser;
before(async () => {
  assert.ok(existsSync(join(root, "dist/index.html")), "run `trunk build --release` first");
  server = await serve({ "/": join(root, "dist") });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openView(page, view) {
  await page.goto(server.origin + "/");
  await page.waitForSelector("#tab-decoder");
  await page.click(`#tab-${view}`);
  // A key, so the decoder shows the verdict and the verified report.
  if (view === "decoder") {
    await page.fill("#key-input", "your-256-bit-secret");
  }
  await page.waitForTimeout(50);
}

for (const scheme of ["light", "dark"]) {
  test(`no horizontal overflow at 320, 390, 768 and 1400 px, ${scheme}`, async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme });
    const page = await context.newPage();
    const wide = [];
    for (const view of VIEWS) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width < 800 ? 844 : 1000 });
        await openView(page, view);
        const { scroll, inner, culprits } = await page.evaluate(() => {
          const inner = window.innerWidth;
          const culprits = [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > inner + 0.5)
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${[...e.classList].join(".")} right=${Math.round(e.getBoundingClientRect().right)}`);
          return { scroll: document.documentElement.scrollWidth, inner, culprits };
        });
        if (scroll > inner) wide.push(`${view} @${width}: scrollWidth ${scroll} > ${inner}: ${culprits.join(", ")}`);
        if (width === 390 || width === 1400) {
          await page.screenshot({ path: join(outputDir, `view-${view}-${width}-${scheme}.png`), fullPage: width === 1400 });
        }
      }
    }
    await context.close();
    assert.deepEqual(wide, []);
  });

  test(`axe-core finds no violations in any view, ${scheme}`, async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme });
    const page = await context.newPage();
    const seen = watch(context, page);
    const found = [];
    for (const view of VIEWS) {
      await openView(page, view);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(" ")} — ${v.nodes[0].failureSummary.split("\n")[1] ?? ""}`);
      });
      for (const v of violations) found.push(`${view}: ${v}`);
    }
    await context.close();
    assert.deepEqual(seen.problems, []);
    assert.deepEqual(found, []);
  });
}
