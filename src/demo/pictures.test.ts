// The demo's product pictures: a drawn illustration per kind, accepted by the catalog's image
// pipeline like any seller's photo, different from one kind to the next.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImage } from '../modules/catalog/index.ts';
import { DEMO_SHOPS } from './data.ts';
import { illustration, type PictureKind, pictureKindOf, productPicture } from './pictures.ts';

const KINDS: PictureKind[] = ['rice', 'durian', 'silk', 'mango', 'coffee'];

describe('demo product pictures', () => {
  it('gives every demo product a picture of its own kind, not a generic one', () => {
    const kinds = DEMO_SHOPS.flatMap((s) => s.products.map((p) => pictureKindOf(p.category)));
    expect(new Set(kinds)).toEqual(new Set(KINDS));
  });

  it('renders each kind to an 800 px JPEG that the catalog takes as a photo, each one different and detailed', async () => {
    const signatures = new Set<string>();
    for (const kind of KINDS) {
      const jpeg = await productPicture(kind, '#b0475a');
      const prepared = await prepareImage(jpeg);
      expect(prepared).toMatchObject({ format: 'jpeg', width: 800, height: 800 });
      // A drawing with many shapes and colours, not a flat disc: its pixels vary a lot.
      const stats = await sharp(jpeg).stats();
      expect(stats.entropy, kind).toBeGreaterThan(4);
      const tiny = await sharp(jpeg).resize(8, 8).raw().toBuffer();
      signatures.add(tiny.toString('hex'));
    }
    expect(signatures.size).toBe(KINDS.length);
  });

  it('draws the same picture on every seed, and names no font', () => {
    expect(illustration('durian', '#d9c24a')).toBe(illustration('durian', '#d9c24a'));
    for (const kind of KINDS) expect(illustration(kind, '#000')).not.toMatch(/<text|font-family/);
  });
});
