import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage } from './images.ts';

// The processing itself, on inputs larger than an HTTP test would send.

describe('processImage', () => {
  it('keeps a PNG that comes out over 2 MB as a palette PNG, when that is smaller', async () => {
    const noise = await sharp({
      create: {
        width: 1000,
        height: 1000,
        channels: 3,
        background: 'grey',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png()
      .toBuffer();
    expect(noise.length).toBeGreaterThan(2 * 1024 * 1024);
    const image = await processImage(noise, 'image/png');
    expect(image.bytes.length).toBeLessThan(noise.length);
    const kept = await sharp(image.bytes).metadata();
    expect(kept.isPalette).toBe(true);
    expect([image.width, image.height]).toEqual([1000, 1000]);
  });

  it('resizes every frame of a large animated GIF and keeps it animated', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 3000, height: 1000, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const gif = await sharp([await frame('red'), await frame('blue'), await frame('green')], {
      join: { animated: true },
    })
      .gif()
      .toBuffer();
    const image = await processImage(gif, 'image/gif');
    expect([image.width, image.height]).toEqual([2048, 683]);
    const kept = await sharp(image.bytes, { animated: true }).metadata();
    expect(kept.pages).toBe(3);
    expect(kept.pageHeight).toBe(683);
  });
});
