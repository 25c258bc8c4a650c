import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ErrorCode, IMAGE_MAX_BYTES } from '@image-message/core';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { ImageMessageProvider, type UseCreateImageMessageOptions, useCreateImageMessage } from '../src';
import { createImageFile } from '../src/testing';
import { fixtureFile, nextFrame, setupManager } from './helpers';
import { liveObjectUrls, revokedObjectUrls } from './objectUrls';

function renderCreate(options: UseCreateImageMessageOptions = {}, { strict = false } = {}) {
  const setup = setupManager();
  const wrapper = ({ children }: { children: ReactNode }) => {
    const tree = <ImageMessageProvider manager={setup.manager}>{children}</ImageMessageProvider>;
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
  const hook = renderHook(() => useCreateImageMessage(options), { wrapper });
  return { ...setup, ...hook };
}

async function add(hook: ReturnType<typeof renderCreate>, files: File[]) {
  let outcome: Awaited<ReturnType<ReturnType<typeof useCreateImageMessage>['addFiles']>> | undefined;
  await act(async () => {
    outcome = await hook.result.current.addFiles(files);
  });
  await nextFrame();
  return outcome;
}

describe('useCreateImageMessage', () => {
  it('turns files into drafts with preview URL, size and dimensions read from the bytes, in order', async () => {
    const hook = renderCreate();
    const jpeg = createImageFile({ format: 'jpeg', width: 400, height: 300, name: 'a.jpg' });
    const png = createImageFile({ format: 'png', width: 20, height: 10, name: 'b.png' });
    await add(hook, [jpeg, png]);
    await waitFor(() => expect(hook.result.current.drafts).toHaveLength(2));
    const [first, second] = hook.result.current.drafts;
    expect(first).toMatchObject({
      fileName: 'a.jpg',
      size: jpeg.size,
      width: 400,
      height: 300,
      status: 'created',
      progress: 0,
    });
    expect(second).toMatchObject({ fileName: 'b.png', width: 20, height: 10 });
    expect(first?.previewUrl).toMatch(/^blob:/);
    expect(liveObjectUrls.has(first?.previewUrl ?? '')).toBe(true);
    expect(hook.transport.attempts).toHaveLength(0);
  });

  it.each([
    ['an empty file', () => new File([], 'empty.png', { type: 'image/png' }), ErrorCode.FILE_SIZE_EMPTY],
    ['a file over 28 MiB', () => createImageFile({ size: IMAGE_MAX_BYTES + 1 }), ErrorCode.FILE_TOO_LARGE],
    [
      'a HEIC named .jpg',
      () => fixtureFile('image.heic', 'photo.jpg', 'image/jpeg'),
      ErrorCode.IMAGE_TYPE_LIMIT,
    ],
    ['an SVG', () => fixtureFile('image.svg', 'logo.svg', 'image/svg+xml'), ErrorCode.IMAGE_TYPE_LIMIT],
    ['a PDF named .png', () => fixtureFile('document-pdf.png', 'doc.png'), ErrorCode.NOT_IMAGE],
    ['a truncated JPEG', () => fixtureFile('truncated.jpg', 'cut.jpg', 'image/jpeg'), ErrorCode.NOT_IMAGE],
  ])('rejects %s with its code, a desc, and no draft or upload', async (_, makeFile, code) => {
    const hook = renderCreate();
    const file = makeFile();
    await add(hook, [file]);
    await waitFor(() => expect(hook.result.current.rejections).toHaveLength(1));
    expect(hook.result.current.rejections[0]).toMatchObject({ file, code });
    expect(hook.result.current.rejections[0]?.desc).not.toBe('');
    expect(hook.result.current.drafts).toHaveLength(0);
    expect(hook.transport.attempts).toHaveLength(0);
    expect(liveObjectUrls.size).toBe(0);
  });

  it('without preparing, refuses an oversize file by its size, without reading it', async () => {
    const hook = renderCreate({ maxBytes: 1000, prepare: false });
    const file = createImageFile({ size: 5000 });
    let reads = 0;
    const original = file.arrayBuffer.bind(file);
    file.arrayBuffer = () => {
      reads++;
      return original();
    };
    await add(hook, [file]);
    expect(hook.result.current.rejections[0]?.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(hook.result.current.rejections[0]?.desc).toContain('the limit is 1000 B');
    expect(reads).toBe(0);
  });

  it('rejects files beyond maxFiles with TOO_MANY_FILES, counting drafts already there', async () => {
    const hook = renderCreate({ maxFiles: 3 });
    await add(hook, [createImageFile(), createImageFile()]);
    const outcome = await add(hook, [createImageFile({ name: 'c.png' }), createImageFile({ name: 'd.png' })]);
    expect(outcome?.added).toHaveLength(1);
    expect(outcome?.rejected.map((r) => [r.fileName, r.code])).toEqual([['d.png', ErrorCode.TOO_MANY_FILES]]);
    await waitFor(() => expect(hook.result.current.drafts).toHaveLength(3));
  });

  it('runs a custom validator before reading the file', async () => {
    const hook = renderCreate({
      validator: (file) =>
        file.name.startsWith('secret') ? { code: ErrorCode.INVALID_PARAMETERS, desc: 'No secrets.' } : null,
    });
    await add(hook, [createImageFile({ name: 'secret.png' }), createImageFile({ name: 'ok.png' })]);
    expect(hook.result.current.rejections.map((r) => [r.fileName, r.code, r.desc])).toEqual([
      ['secret.png', ErrorCode.INVALID_PARAMETERS, 'No secrets.'],
    ]);
    expect(hook.result.current.drafts.map((d) => d.fileName)).toEqual(['ok.png']);
  });

  it('revokes the preview URL on remove and on clear, and forgets rejections on clear', async () => {
    const hook = renderCreate();
    await add(hook, [
      createImageFile({ name: 'a.png' }),
      createImageFile({ name: 'b.png' }),
      new File([], 'e.png'),
    ]);
    const [a, b] = hook.result.current.drafts;
    act(() => hook.result.current.remove(a?.id ?? ''));
    await waitFor(() => expect(hook.result.current.drafts.map((d) => d.fileName)).toEqual(['b.png']));
    expect(revokedObjectUrls.has(a?.previewUrl ?? '')).toBe(true);
    expect(liveObjectUrls.has(b?.previewUrl ?? '')).toBe(true);
    act(() => hook.result.current.clear());
    await waitFor(() => expect(hook.result.current.drafts).toHaveLength(0));
    expect(hook.result.current.rejections).toHaveLength(0);
    expect(liveObjectUrls.size).toBe(0);
    expect(hook.manager.getSendState(b?.id ?? '')).toBeUndefined();
  });

  it('revokes every URL it made on unmount', async () => {
    const hook = renderCreate();
    await add(hook, [createImageFile(), createImageFile()]);
    expect(liveObjectUrls.size).toBe(2);
    hook.unmount();
    await waitFor(() => expect(liveObjectUrls.size).toBe(0));
  });

  it('in StrictMode neither leaks a URL nor revokes one still on screen, and still cleans up on unmount', async () => {
    const setup = setupManager();
    function Drafts() {
      const { drafts, addFiles } = useCreateImageMessage();
      return (
        <div>
          <button type="button" onClick={() => addFiles([createImageFile({ name: 'strict.png' })])}>
            add
          </button>
          {drafts.map((draft) => (
            <img key={draft.id} src={draft.previewUrl} alt={draft.fileName} />
          ))}
        </div>
      );
    }
    const view = render(
      <StrictMode>
        <ImageMessageProvider manager={setup.manager}>
          <Drafts />
        </ImageMessageProvider>
      </StrictMode>,
    );
    await act(async () => screen.getByRole('button', { name: 'add' }).click());
    const image = await screen.findByRole('img', { name: 'strict.png' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(liveObjectUrls.has(image.getAttribute('src') ?? '')).toBe(true);
    expect(liveObjectUrls.size).toBe(1);
    view.unmount();
    await waitFor(() => expect(liveObjectUrls.size).toBe(0));
  });

  it.each([
    ['has no URL.createObjectURL (plain jsdom)', () => undefined],
    [
      "throws for the Blob (Node's URL with jsdom's File)",
      () => {
        throw new TypeError('The "obj" argument must be an instance of Blob.');
      },
    ],
  ])('works where the platform %s: the preview falls back to the file name', async (_, stand) => {
    URL.createObjectURL = stand as unknown as typeof URL.createObjectURL;
    const hook = renderCreate();
    await add(hook, [createImageFile({ name: 'plain.png' })]);
    expect(hook.result.current.drafts[0]).toMatchObject({ previewUrl: 'plain.png', width: 64, height: 48 });
  });
});

describe('useCreateImageMessage preparing photos', () => {
  const photo = (name: string) => {
    const bytes = readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/photos', name));
    return new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' });
  };
  const hasGps = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes).includes('GPS');

  it('makes the draft from the prepared photo: its size, and no GPS left in what is sent', async () => {
    const hook = renderCreate();
    const source = photo('gps-exif6.jpg');
    expect(hasGps(new Uint8Array(await source.arrayBuffer()))).toBe(true);
    await add(hook, [source]);
    await waitFor(() => expect(hook.result.current.drafts[0]?.status).toBe('created'));
    const draft = hook.result.current.drafts[0];
    expect(draft?.size).toBeLessThan(source.size);
    expect(draft?.message?.imageElem?.imageList?.[0]?.size).toBe(draft?.size);
    const sent = await hook.manager.sendMessage({ id: draft?.id as string, receiver: 'bob' });
    expect(sent.code).toBe(ErrorCode.SUCC);
    const uploaded = hook.transport.messages[0]?.bytes as Uint8Array;
    expect(uploaded.byteLength).toBe(draft?.size);
    expect(hasGps(uploaded)).toBe(false);
  });

  it('judges the size limit after preparing: refused 7005, marked as judged Original when it was', async () => {
    const hook = renderCreate({ maxBytes: 1000, prepare: { original: true } });
    await add(hook, [createImageFile({ size: 5000 })]);
    expect(hook.result.current.rejections[0]).toMatchObject({
      code: ErrorCode.FILE_TOO_LARGE,
      original: true,
    });
    expect(hook.result.current.rejections[0]?.desc).toMatch(/not as original/i);
    expect(hook.result.current.drafts).toEqual([]);
  });

  it('switching Original prepares every draft not sent yet again, keeping its id', async () => {
    const setup = setupManager();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ImageMessageProvider manager={setup.manager}>{children}</ImageMessageProvider>
    );
    const hook = renderHook(({ options }) => useCreateImageMessage(options), {
      wrapper,
      initialProps: { options: { prepare: {} } as UseCreateImageMessageOptions },
    });
    await act(async () => {
      await hook.result.current.addFiles([
        createImageFile({ name: 'a.png' }),
        createImageFile({ name: 'b.png' }),
      ]);
    });
    await waitFor(() =>
      expect(hook.result.current.drafts.map((d) => d.status)).toEqual(['created', 'created']),
    );
    const ids = hook.result.current.drafts.map((draft) => draft.id);
    const firstMessage = hook.result.current.drafts[0]?.message;

    hook.rerender({ options: { prepare: { original: true } } });
    await waitFor(() => expect(hook.result.current.drafts[0]?.message).not.toBe(firstMessage));
    await waitFor(() =>
      expect(hook.result.current.drafts.map((d) => d.status)).toEqual(['created', 'created']),
    );
    expect(hook.result.current.drafts.map((draft) => draft.id)).toEqual(ids);
    expect(hook.result.current.drafts[0]?.message).not.toBe(firstMessage);
    expect(setup.manager.getMessageIds()).toEqual(ids);
  });
});
