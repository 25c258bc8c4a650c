import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { ERRORS, Upload as TusUpload } from '@tus/server';
import { rawBodyHere } from '../uploads/rawBody';
import { appendArriving } from './appendArriving';
import { readHead } from './uploadHead';

/** Upload ids are made here (`newId`): 32 hex characters, nothing a client chose. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/**
 * Resumable uploads in progress (tus), under `<dataDir>/uploads/`: `<id>` holds the bytes received so
 * far, `<id>.json` the upload's length, owner and creation time (`@tus/file-store`). A finished upload
 * stays there until a send takes it (renamed into `images/`) or it expires.
 */
/** One upload as `@tus/file-store` describes it (`offset` is what is on disk now). */
export type Upload = Awaited<ReturnType<FileStore['getUpload']>>;

export interface UploadStore {
  readonly dir: string;
  /** The tus data store the `@tus/server` instance writes through. */
  readonly tus: FileStore;
  isUploadId(id: unknown): id is string;
  /** Path of an upload's bytes (for sniffing and the rename into `images/`). */
  pathOf(id: string): string;
  /** The upload, or `undefined` when there is none with this id. */
  find(id: string): Promise<Upload | undefined>;
  /**
   * The first `SNIFF_HEAD_BYTES` of an upload, for sniffing: kept in memory when this process has just
   * finished it from its first byte, else read from its file.
   */
  headOf(id: string): Promise<Uint8Array>;
  /** Forgets an upload's record once its bytes were moved away (or removes both). */
  forget(id: string): Promise<void>;
  /** Removes the bytes and the record. */
  remove(id: string): Promise<void>;
  /** Deletes uploads older than the expiry that no send took; returns how many. */
  removeExpired(): Promise<number>;
  /** Removes bytes with no record and records with no bytes (a crash between the two writes). */
  sweep(): Promise<number>;
}

export async function createUploadStore(dataDir: string, expiryMs: number): Promise<UploadStore> {
  const dir = join(dataDir, 'uploads');
  await mkdir(dir, { recursive: true });
  const tus = new RawBodyFileStore({ directory: dir, expirationPeriodInMilliseconds: expiryMs });
  const isUploadId = (id: unknown): id is string => typeof id === 'string' && UPLOAD_ID.test(id);

  return {
    dir,
    tus,
    isUploadId,
    pathOf: (id) => join(dir, id),
    async find(id) {
      if (!isUploadId(id)) return undefined;
      try {
        return await tus.getUpload(id);
      } catch {
        return undefined;
      }
    },
    headOf: async (id) => tus.finishedHead(id) ?? (await readHead(join(dir, id))),
    async forget(id) {
      tus.forgetRemembered(id);
      await tus.configstore.delete(id).catch(() => undefined);
    },
    async remove(id) {
      tus.forgetRemembered(id);
      await rm(join(dir, id), { force: true });
      await tus.configstore.delete(id).catch(() => undefined);
    },
    removeExpired: () => tus.deleteExpired(),
    async sweep() {
      const names = new Set(await readdir(dir));
      let removed = 0;
      for (const name of names) {
        const id = name.endsWith('.json') ? name.slice(0, -5) : name;
        const partner = name.endsWith('.json') ? id : `${name}.json`;
        if (isUploadId(id) && names.has(partner)) continue;
        await rm(join(dir, name), { force: true, recursive: true });
        removed++;
      }
      return removed;
    },
  };
}

/** A fresh upload id: 128 random bits, hex. */
export function newUploadId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * How many uploads `RawBodyFileStore` remembers: just created, for the body their `POST` carries; just
 * finished, for their send (each with 128 KiB of head).
 */
const REMEMBERED = 64;

/** Sets `key` in `map`, dropping the oldest entries past `REMEMBERED` (a Map keeps insertion order). */
function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.set(key, value);
  for (const old of map.keys()) {
    if (map.size <= REMEMBERED) break;
    map.delete(old);
  }
}

/**
 * `FileStore` that writes a body straight from the Node request when the route handed it over (`RawBody`:
 * tus's own web-stream round trip cost ~2.5× the plain PUT's time on loopback), with a 1 MiB file buffer
 * as a streamed PUT. The limit tus enforces while streaming holds here too: no byte past the upload's
 * length is kept.
 *
 * Nothing it has just written is read back from disk on a request's clock (file-system round trips through
 * the thread pool took 0.5–3 ms each on a busy machine): an upload it has just created is remembered for
 * the body its `POST` carries, and one it has just finished (record and first bytes) until its send takes
 * it, for tus's own look at the upload after the last byte, the sniff, and the send's `PUT`. Bounded; an
 * upload not remembered (older, or after a restart) is read from disk as before.
 */
class RawBodyFileStore extends FileStore {
  private readonly created = new Map<string, Upload>();
  private readonly finished = new Map<string, { upload: Upload; head?: Uint8Array }>();

  override async create(upload: Upload): Promise<Upload> {
    const created = await super.create(upload);
    remember(this.created, upload.id, created);
    return created;
  }

  override async getUpload(id: string): Promise<Upload> {
    const kept = this.finished.get(id)?.upload;
    return kept ? new TusUpload({ ...kept }) : super.getUpload(id);
  }

  override async remove(id: string) {
    this.forgetRemembered(id);
    return super.remove(id);
  }

  finishedHead(id: string) {
    return this.finished.get(id)?.head;
  }

  forgetRemembered(id: string) {
    this.created.delete(id);
    this.finished.delete(id);
  }

  override async write(readable: Parameters<FileStore['write']>[0], id: string, offset: number) {
    const raw = rawBodyHere();
    const request = raw?.claim();
    if (!raw || !request) return super.write(readable, id, offset);

    // tus's stream carries nothing (the placeholder); it ends early only when tus aborts this request
    // (another request took the upload's lock, or the client went away): then stop where the body is.
    const stop = new AbortController();
    let done = false;
    readable.once('end', () => done || stop.abort());
    readable.once('error', () => done || stop.abort());
    readable.resume();
    // tus has refused a Content-Length past the upload's length; a body without one stops there too.
    const record = this.created.get(id) ?? (await this.configstore.get(id));
    this.created.delete(id);
    const size = record?.size;
    const limit = size === undefined ? Number.POSITIVE_INFINITY : size - offset;
    const path = join(this.directory, id);
    let appended: Awaited<ReturnType<typeof appendArriving>>;
    try {
      appended = await appendArriving(request, path, offset, limit, stop.signal, offset === 0);
    } catch {
      throw ERRORS.FILE_WRITE_ERROR;
    } finally {
      done = true;
      raw.release();
    }
    if (appended.cut === 'tooLarge') throw ERRORS.ERR_MAX_SIZE_EXCEEDED;
    if (appended.cut === 'broken') throw ERRORS.ABORTED;
    const end = offset + appended.written;
    if (record && end === size) {
      const upload = new TusUpload({ ...record, offset: end, storage: { type: 'file', path } });
      remember(this.finished, id, { upload, ...(appended.head && { head: appended.head }) });
    }
    return end;
  }
}
