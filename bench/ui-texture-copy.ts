import { launchChromium } from './ui-browser.js';

/**
 * `npx tsx bench/ui-texture-copy.ts`: why client/src/texture-warmup.ts exists. In headless
 * Chromium (software canvas, as on a machine without a GPU), draws 500 nodes' worth of circles into
 * 1024 × 100 textures, the way Cytoscape's texture cache does, and copies each onto a page canvas:
 * once interleaved (write a node, copy it, write the next: Cytoscape's order) and once batched
 * (every write first, then every copy: what the warm-up makes of it). Prints both times per
 * texture size; best of three runs each.
 */
const NODES = 500;
const SIZES = [
  { width: 128, height: 25 },
  { width: 512, height: 50 },
  { width: 1024, height: 100 },
];

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setContent('<canvas id="main" width="1280" height="800"></canvas>');
  for (const { width, height } of SIZES) {
    const times: Record<string, number> = {};
    for (const order of ['interleaved', 'batched']) {
      const runs: number[] = [];
      for (let run = 0; run < 3; run++) {
        // A string, not a function: tsx would wrap named helpers in __name(), unknown in the page.
        runs.push(
          (await page.evaluate(`(() => {
            const main = document.getElementById('main').getContext('2d');
            const side = ${height};
            const perTexture = Math.floor(${width} / side);
            const textures = [];
            const slot = (i) => {
              const t = Math.floor(i / perTexture);
              while (textures.length <= t) textures.push(new OffscreenCanvas(${width}, ${height}).getContext('2d'));
              return [textures[t], (i % perTexture) * side];
            };
            const write = (i) => {
              const [texture, x] = slot(i);
              texture.beginPath();
              texture.arc(x + side / 2, side / 2, side / 2 - 2, 0, 2 * Math.PI);
              texture.fillStyle = '#3b5bdb';
              texture.fill();
            };
            const copy = (i) => {
              const [texture, x] = slot(i);
              main.drawImage(texture.canvas, x, 0, side, side, (i * 37) % 1200, (i * 53) % 760, 30, 30);
            };
            const started = performance.now();
            if (${JSON.stringify(order)} === 'interleaved') {
              for (let i = 0; i < ${NODES}; i++) { write(i); copy(i); }
            } else {
              for (let i = 0; i < ${NODES}; i++) write(i);
              for (let i = 0; i < ${NODES}; i++) copy(i);
            }
            main.getImageData(0, 0, 1, 1);
            return performance.now() - started;
          })()`)) as number,
        );
      }
      times[order] = Math.min(...runs);
    }
    console.log(
      `${String(width).padStart(5)} x ${String(height).padEnd(4)} textures, ${NODES} nodes: interleaved ${Math.round(times.interleaved!)} ms, batched ${Math.round(times.batched!)} ms`,
    );
  }
} finally {
  await browser.close();
}
