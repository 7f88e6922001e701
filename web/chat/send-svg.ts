/**
 * Serves a chart SVG as an image: checked again for anything active (charts/safe-svg.ts), with a
 * policy that lets nothing in it run or load even when opened on its own, and no type sniffing.
 */
import type { Response } from 'express';
import { assertSafeSvg } from '../../charts/safe-svg.ts';

export function sendSvg(response: Response, svg: string): void {
  assertSafeSvg(svg);
  response
    .status(200)
    .set({
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=3600',
    })
    .send(svg);
}
