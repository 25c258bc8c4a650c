import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Image files on disk: `<dataDir>/images/<file>` for stored images and `<dataDir>/tmp/` for uploads in
 * progress. Every file name is made here from a validated message id and random characters (never from
 * anything a client sends), so no name can reach outside these folders. Files appear under `images/`
 * only by an atomic rename of a complete file, so a reader never sees half an image.
 */
export interface ImageStore {
  readonly imagesDir: string;
  readonly tmpDir: string;
  /** A fresh path under `tmp/` for one upload or render. */
  tempPath(): string;
  /** A new, unique file name for a message's image: `<id>_<random>_<variant>.<ext>`. */
  fileName(messageId: string, variant: string, extension: string): string;
  pathOf(file: string): string;
  /** Moves a complete temp file into `images/` under `file`. */
  commit(tempPath: string, file: string): Promise<void>;
  remove(file: string): Promise<void>;
  /** Empties `tmp/` (uploads cut by a stop) and removes images no message refers to. Run before serving. */
  sweep(referenced: Set<string>): Promise<{ removedTemp: number; removedOrphans: number }>;
}

export async function createImageStore(dataDir: string): Promise<ImageStore> {
  const imagesDir = join(dataDir, 'images');
  const tmpDir = join(dataDir, 'tmp');
  await mkdir(imagesDir, { recursive: true });
  await mkdir(tmpDir, { recursive: true });

  return {
    imagesDir,
    tmpDir,
    tempPath: () => join(tmpDir, `${randomUUID()}.part`),
    fileName: (messageId, variant, extension) =>
      `${messageId}_${randomBytes(6).toString('hex')}_${variant}.${extension}`,
    pathOf: (file) => join(imagesDir, file),
    commit: (tempPath, file) => rename(tempPath, join(imagesDir, file)),
    async remove(file) {
      await unlink(join(imagesDir, file)).catch(() => undefined);
    },
    async sweep(referenced) {
      let removedTemp = 0;
      let removedOrphans = 0;
      for (const name of await readdir(tmpDir)) {
        await rm(join(tmpDir, name), { force: true, recursive: true });
        removedTemp++;
      }
      // A crash between the rename and the database insert leaves a file no message names.
      for (const name of await readdir(imagesDir)) {
        if (referenced.has(name)) continue;
        await rm(join(imagesDir, name), { force: true, recursive: true });
        removedOrphans++;
      }
      return { removedTemp, removedOrphans };
    },
  };
}
