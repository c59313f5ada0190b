/** SVG → PNG with rsvg-convert when it is installed (Debian: librsvg2-bin); the SVG is the report's image otherwise. */
import { spawnSync } from 'node:child_process';

/** @returns {boolean} whether the PNG was written */
export function svgToPng(svgFile, pngFile) {
  const r = spawnSync('rsvg-convert', ['-f', 'png', '-o', pngFile, svgFile], { stdio: 'ignore' });
  return r.status === 0;
}
