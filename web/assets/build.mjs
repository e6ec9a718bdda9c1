// Copies the vendored browser files: ECharts into ../static/vendor, where
// the Go binary embeds it, and axe-core into ../testdata, where only the
// browser test reads it. Run from a clean checkout: npm ci && npm run build.
import { copyFileSync, mkdirSync } from "node:fs";

const out = new URL("../static/vendor/", import.meta.url);
mkdirSync(out, { recursive: true });
const testdata = new URL("../testdata/", import.meta.url);
mkdirSync(testdata, { recursive: true });
for (const [from, to] of [
  ["node_modules/echarts/dist/echarts.min.js", new URL("echarts.min.js", out)],
  ["node_modules/axe-core/axe.min.js", new URL("axe.min.js", testdata)],
]) {
  copyFileSync(new URL(from, import.meta.url), to);
  console.log(`copied ${from} → ${to.pathname}`);
}
