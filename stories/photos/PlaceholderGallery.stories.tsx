import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import alphaPngUrl from '../../tests/fixtures/photos/alpha.png?url';
import gpsJpegUrl from '../../tests/fixtures/photos/gps-exif6.jpg?url';
import { fixtureFile } from '../support/fixtureFile';
import { paintImageFile } from '../support/paintImageFile';
import { type GalleryPhoto, PlaceholderGallery } from './PlaceholderGallery';

const fetched = (url: string, name: string) => async () =>
  new File([await (await fetch(url)).arrayBuffer()], name);

/** Phone photos, a panorama, a screenshot, an iPhone HEIC, a photo stored sideways and a transparent PNG. */
const PHOTOS: GalleryPhoto[] = [
  {
    label: 'harbour.jpg',
    file: () =>
      paintImageFile({ name: 'harbour.jpg', width: 4000, height: 3000, type: 'image/jpeg', hue: 200 }),
  },
  {
    label: 'portrait.jpg',
    file: () =>
      paintImageFile({ name: 'portrait.jpg', width: 1080, height: 1920, type: 'image/jpeg', hue: 330 }),
  },
  {
    label: 'panorama.jpg',
    file: () =>
      paintImageFile({ name: 'panorama.jpg', width: 6000, height: 1500, type: 'image/jpeg', hue: 150 }),
  },
  {
    label: 'screenshot.png',
    file: () => paintImageFile({ name: 'screenshot.png', width: 1170, height: 2532, hue: 40 }),
  },
  { label: 'IMG_0042.heic', file: () => fixtureFile('heic', 'IMG_0042.HEIC', 'image/heic') },
  { label: 'sideways.jpg (EXIF orientation 6)', file: fetched(gpsJpegUrl, 'sideways.jpg') },
  { label: 'sticker.png (transparent)', file: fetched(alphaPngUrl, 'sticker.png') },
];

/** A hang guard, not a timing goal: the HEIC decoder loads on first use. */
const HANG_GUARD = { timeout: 60_000 };

/** Whether any pixel of a loaded image is less than opaque. */
function hasTransparency(image: HTMLImageElement): boolean {
  const context = new OffscreenCanvas(image.naturalWidth, image.naturalHeight).getContext(
    '2d',
  ) as OffscreenCanvasRenderingContext2D;
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.naturalWidth, image.naturalHeight);
  return data.some((value, index) => index % 4 === 3 && value < 255);
}

const loaded = (image: HTMLImageElement) => image.decode().then(() => image);

/**
 * The ThumbHash placeholder `prepareImageFile` makes for each photo (~25 bytes, carried with the message
 * as `imageElem.placeholder`) painted by core's `placeholderToDataUrl`, beside the prepared photo. A
 * conversation shows the left one until the right one has loaded (see *View / ImageMessageView*).
 */
const meta = {
  title: 'Photos/Placeholder gallery',
  component: PlaceholderGallery,
  args: { photos: PHOTOS },
  argTypes: { photos: { control: false } },
} satisfies Meta<typeof PlaceholderGallery>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Gallery: Story = {
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByRole('figure')).toHaveLength(PHOTOS.length), HANG_GUARD);
    await expect(canvas.queryByRole('alert')).toBeNull();
    for (const photo of PHOTOS) {
      const placeholder = await loaded(
        canvas.getByRole('img', { name: `Placeholder of ${photo.label}` }) as HTMLImageElement,
      );
      const prepared = await loaded(
        canvas.getByRole('img', { name: `${photo.label}, prepared` }) as HTMLImageElement,
      );
      await expect(placeholder.src).toMatch(/^data:image\/png;base64,/);
      // A placeholder is a few dozen pixels with the photo's orientation (ThumbHash keeps the aspect ratio).
      await expect(Math.max(placeholder.naturalWidth, placeholder.naturalHeight)).toBeLessThanOrEqual(32);
      await expect(placeholder.naturalWidth >= placeholder.naturalHeight).toBe(
        prepared.naturalWidth >= prepared.naturalHeight,
      );
      await expect(Math.max(prepared.naturalWidth, prepared.naturalHeight)).toBeLessThanOrEqual(2560);
      const caption = within(placeholder.closest('figure') as HTMLElement).getByText(/ThumbHash: \d+ bytes/);
      await expect(Number(/(\d+) bytes/.exec(caption.textContent ?? '')?.[1])).toBeLessThanOrEqual(40);
    }
    // The sideways photo is upright, the HEIC decoded, the transparent sticker's placeholder transparent too.
    const sideways = canvas.getByRole('img', { name: 'sideways.jpg (EXIF orientation 6), prepared' });
    await expect([
      (sideways as HTMLImageElement).naturalWidth,
      (sideways as HTMLImageElement).naturalHeight,
    ]).toEqual([240, 320]);
    const sticker = canvas.getByRole('img', { name: 'Placeholder of sticker.png (transparent)' });
    await expect(hasTransparency(sticker as HTMLImageElement)).toBe(true);
    await expect(
      hasTransparency(canvas.getByRole('img', { name: 'Placeholder of harbour.jpg' }) as HTMLImageElement),
    ).toBe(false);
  },
};
