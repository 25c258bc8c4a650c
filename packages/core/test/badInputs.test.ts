// Every case of the bad-input corpus (tests/fixtures/bad/manifest.json, written by
// tests/fixtures/generate-bad.mjs) through core: the exact code, a desc a person can act on, and nothing
// uploaded or kept for a refused input. The composer and server suites assert the same manifest.
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type BadCase,
  badCaseBytes,
  badDir,
  badFileBytes,
  badManifest,
} from '../../../tests/fixtures/badCorpus';
import {
  type AcceptedImageFormat,
  countOwnedObjectUrls,
  createMemoryTransport,
  createMessageManager,
  ErrorCode,
  fileToImageMessageParams,
  IMAGE_MAX_BYTES,
  IMAGE_MIME_TYPES,
  ImageType,
  MessageElemType,
  readImageInfo,
  sanitizeFileName,
  validateImagePath,
} from '../src';

const { cases, imagePaths } = badManifest;

const CONTRACT_CODES = new Set<number>([
  ErrorCode.SUCC,
  ErrorCode.INVALID_PARAMETERS,
  ErrorCode.INVALID_IMAGE_PATH,
  ErrorCode.FILE_SIZE_EMPTY,
  ErrorCode.FILE_TOO_LARGE,
  ErrorCode.IMAGE_TYPE_LIMIT,
  ErrorCode.NOT_IMAGE,
]);

// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence is the point.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;

/** A desc a person can act on: a sentence or more, printable, telling them what to do. */
function expectActionableDesc(desc: unknown, code: number) {
  expect(typeof desc).toBe('string');
  const text = desc as string;
  expect(text.trim().length).toBeGreaterThan(20);
  expect(text).not.toMatch(UNSAFE_TEXT);
  expect(text).toMatch(/\b(Choose|Convert|Open|Download|Pass|Use|Create|Wait|Send|Try|compress|needs)\b/);
  if (code === ErrorCode.FILE_TOO_LARGE) {
    // The contract: names the limit and the size.
    expect(text).toContain('28 MB');
    expect(text).toMatch(/\d{1,3}(,\d{3})+ bytes/);
  }
}

function setup() {
  const transport = createMemoryTransport();
  const manager = createMessageManager({ transport });
  const notified: string[] = [];
  manager.subscribe((id) => notified.push(id));
  return { transport, manager, notified };
}

const label = (entry: BadCase) => `${entry.id} → ${entry.expectedCodeDirect ?? entry.expectedCode}`;

describe('the bad-input corpus', () => {
  const diskFiles = readdirSync(badDir).filter((name) => name !== 'manifest.json');

  it('has at least 40 cases and 40 committed files, each listed file present and a few KB at most', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(diskFiles.length).toBeGreaterThanOrEqual(40);
    for (const entry of cases) {
      if (!entry.file) continue;
      expect(diskFiles, entry.id).toContain(entry.file);
      expect(statSync(badDir + entry.file).size, entry.file).toBeLessThanOrEqual(
        badManifest.maxCommittedBytes,
      );
    }
    expect(badManifest.maxCommittedBytes).toBeLessThanOrEqual(16 * 1024);
  });

  it('lists every file on disk (no orphan a suite would silently skip)', () => {
    const listed = new Set(cases.flatMap((entry) => (entry.file ? [entry.file] : [])));
    expect(diskFiles.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('gives every case a unique id, a note and a contract code', () => {
    const all = [...cases, ...imagePaths];
    expect(new Set(all.map((entry) => entry.id)).size).toBe(all.length);
    for (const entry of all) {
      expect(entry.note.length, entry.id).toBeGreaterThan(5);
      expect(CONTRACT_CODES.has(entry.expectedCode), entry.id).toBe(true);
    }
  });

  it('keeps disk names safe while presenting hostile names', () => {
    for (const name of diskFiles) expect(name).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    const presented = cases.map((entry) => entry.fileName);
    expect(presented).toContain('../../etc/passwd.png');
    expect(presented.some((name) => name.includes('\u202e'))).toBe(true);
    expect(presented.some((name) => name.includes('\u0000'))).toBe(true);
    expect(presented.some((name) => name.length === 1000)).toBe(true);
    expect(presented).toEqual(expect.arrayContaining(['...', '.', '', '    ', 'CON']));
  });

  it('covers every rejection code, the size limit from both sides, and the imagePath rule', () => {
    const codes = new Set(cases.map((entry) => entry.expectedCode));
    for (const code of [0, 6031, 2252, 7006, 7005]) expect(codes).toContain(code);
    const sizes = cases.filter((entry) => entry.generate).map((entry) => entry.generate?.padTo);
    expect(sizes).toEqual(expect.arrayContaining([IMAGE_MAX_BYTES, IMAGE_MAX_BYTES + 1]));
    expect(
      imagePaths.filter((entry) => entry.expectedCode === ErrorCode.INVALID_IMAGE_PATH).length,
    ).toBeGreaterThan(20);
  });
});

describe('createImageMessage with the raw params, for every corpus case', () => {
  it.each(cases.map((entry) => [label(entry), entry] as const))('%s', async (_, entry) => {
    const { transport, manager, notified } = setup();
    const bytes = badCaseBytes(entry);
    const imagePath = `/uploads/${entry.id}`;
    const expected = entry.expectedCodeDirect ?? entry.expectedCode;

    const result = await manager.createImageMessage({
      imagePath,
      fileContent: bytes,
      fileName: entry.fileName,
    });

    expect(result.code).toBe(expected);
    expect(transport.attempts).toHaveLength(0);
    if (expected !== ErrorCode.SUCC) {
      expectActionableDesc(result.desc, expected);
      expect(result.data).toBeUndefined();
      expect(notified).toEqual([]);
      return;
    }
    const message = result.data?.messageInfo;
    expect(message?.elemType).toBe(MessageElemType.IMAGE);
    expect(message?.imageElem?.path).toBe(imagePath);
    expect(message?.imageElem?.imageList?.[0]).toMatchObject({
      type: ImageType.ORIGIN,
      size: bytes.byteLength,
      width: entry.expectedWidth,
      height: entry.expectedHeight,
    });
  });
});

describe('createImageMessage through a File and fileToImageMessageParams, for every corpus case', () => {
  it.each(cases.map((entry) => [`${entry.id} → ${entry.expectedCode}`, entry] as const))(
    '%s',
    async (_, entry) => {
      const { transport, manager, notified } = setup();
      const bytes = badCaseBytes(entry);
      const urlsBefore = countOwnedObjectUrls();
      const file = new File([bytes], entry.fileName, { type: entry.mimeType });

      const params = await fileToImageMessageParams(file);
      expect(params.fileName).toBe(entry.expectedSanitizedName);
      expect(params.fileName).toBe(sanitizeFileName(entry.fileName));
      const result = await manager.createImageMessage(params);

      expect(result.code).toBe(entry.expectedCode);
      expect(transport.attempts).toHaveLength(0);
      if (entry.expectedCode !== ErrorCode.SUCC) {
        expectActionableDesc(result.desc, entry.expectedCode);
        expect(notified).toEqual([]);
        // The blob: URL made for the refused file is revoked: nothing kept.
        expect(countOwnedObjectUrls()).toBe(urlsBefore);
        return;
      }

      // Accepted: what reaches the transport is the sanitized name and the type the bytes say.
      const id = result.data?.id as string;
      const sent = await manager.sendMessage({ id, receiver: 'bob' });
      expect(sent.code).toBe(ErrorCode.SUCC);
      expect(transport.attempts).toHaveLength(1);
      expect(transport.attempts[0]).toMatchObject({
        fileName: entry.expectedSanitizedName,
        mimeType: IMAGE_MIME_TYPES[entry.expectedFormat as AcceptedImageFormat],
        size: bytes.byteLength,
        outcome: 'sent',
      });
      transport.reset();
      expect(countOwnedObjectUrls()).toBe(urlsBefore);
    },
  );
});

describe('readImageInfo on every committed corpus file', () => {
  const read = cases.filter(
    (entry) =>
      entry.file &&
      [ErrorCode.SUCC, ErrorCode.IMAGE_TYPE_LIMIT, ErrorCode.NOT_IMAGE].includes(entry.expectedCode as 0),
  );
  const distinct = [...new Map(read.map((entry) => [entry.file, entry])).values()];

  it.each(distinct.map((entry) => [label(entry), entry] as const))('%s', (_, entry) => {
    const result = readImageInfo(badCaseBytes(entry));
    if (entry.expectedCode === ErrorCode.SUCC) {
      expect(result).toEqual({
        ok: true,
        info: expect.objectContaining({
          format: entry.expectedFormat,
          width: entry.expectedWidth,
          height: entry.expectedHeight,
        }),
      });
      return;
    }
    expect(result).toMatchObject({ ok: false, code: entry.expectedCode });
    if (!result.ok && entry.expectedCode === ErrorCode.IMAGE_TYPE_LIMIT) {
      // Named right, so the user is told to convert *this* format.
      expect(result.format).toBe(entry.expectedFormat);
    }
    if (!result.ok && entry.expectedCode === ErrorCode.NOT_IMAGE) expect(result.format).toBeUndefined();
  });
});

describe('imagePath cases', () => {
  it.each(imagePaths.map((entry) => [`${entry.id} → ${entry.expectedCode}`, entry] as const))(
    '%s',
    async (_, entry) => {
      const { transport, manager, notified } = setup();
      expect(validateImagePath(entry.imagePath).ok).toBe(entry.expectedCode === ErrorCode.SUCC);
      const result = await manager.createImageMessage({
        imagePath: entry.imagePath,
        fileContent: badFileBytes('ok.png'),
        fileName: 'ok.png',
      });
      expect(result.code).toBe(entry.expectedCode);
      expect(transport.attempts).toHaveLength(0);
      if (entry.expectedCode === ErrorCode.SUCC) {
        expect(result.data?.messageInfo.imageElem?.path).toBe(entry.imagePath);
        return;
      }
      expectActionableDesc(result.desc, entry.expectedCode);
      expect(result.data).toBeUndefined();
      expect(notified).toEqual([]);
    },
  );
});

describe('sendMessage bad calls upload nothing', () => {
  async function created() {
    const { transport, manager } = setup();
    const result = await manager.createImageMessage({
      imagePath: '/uploads/ok.png',
      fileContent: badFileBytes('ok.png'),
      fileName: 'ok.png',
    });
    if (result.code !== ErrorCode.SUCC || !result.data) throw new Error(result.desc);
    return { transport, manager, id: result.data.id };
  }

  it.each([
    ['an empty id', { id: '', receiver: 'bob' }, ErrorCode.INVALID_PARAMETERS],
    ['a non-string id', { id: 42, receiver: 'bob' }, ErrorCode.INVALID_PARAMETERS],
    ['no params at all', undefined, ErrorCode.INVALID_PARAMETERS],
    ['an id that was never created', { id: 'no-such-message', receiver: 'bob' }, ErrorCode.ID_NOT_EXIST],
  ])('refuses %s', async (_, params, code) => {
    const { transport, manager } = await created();
    // @ts-expect-error deliberately wrong shapes
    const result = await manager.sendMessage(params);
    expect(result.code).toBe(code);
    expectActionableDesc(result.desc, code);
    expect(transport.attempts).toHaveLength(0);
  });

  it.each([
    ['neither receiver nor groupID', {}],
    ['blank receiver and groupID', { receiver: '  ', groupID: '' }],
    ['null receiver and groupID', { receiver: null, groupID: null }],
  ])('refuses %s with INVALID_PARAMETERS (6017) and keeps the message sendable', async (_, addressing) => {
    const { transport, manager, id } = await created();
    const result = await manager.sendMessage({ id, ...(addressing as object) });
    expect(result.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expectActionableDesc(result.desc, result.code);
    expect(transport.attempts).toHaveLength(0);
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
  });

  it('refuses a second send while the first is in flight with 6017, uploading once', async () => {
    const { transport, manager, id } = await created();
    const first = manager.sendMessage({ id, receiver: 'bob' });
    const second = await manager.sendMessage({ id, receiver: 'bob' });
    expect(second.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expectActionableDesc(second.desc, second.code);
    expect((await first).code).toBe(ErrorCode.SUCC);
    expect(transport.attempts).toHaveLength(1);
    expect(transport.messages).toHaveLength(1);
  });

  it('refuses a send of an id already sent with ID_NOT_EXIST (-1), uploading nothing more', async () => {
    const { transport, manager, id } = await created();
    expect((await manager.sendMessage({ id, groupID: 'team' })).code).toBe(ErrorCode.SUCC);
    const again = await manager.sendMessage({ id, groupID: 'team' });
    expect(again.code).toBe(ErrorCode.ID_NOT_EXIST);
    expectActionableDesc(again.desc, again.code);
    expect(transport.attempts).toHaveLength(1);
  });

  it('refuses a send of an id that was discarded with ID_NOT_EXIST (-1)', async () => {
    const { transport, manager, id } = await created();
    expect(manager.discardMessage(id)).toBe(true);
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.ID_NOT_EXIST);
    expect(transport.attempts).toHaveLength(0);
  });
});
