import { ErrorCode, IMAGE_MAX_BYTES, type V2TimMessage } from '@image-message/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ImageMessageComposer, type ImageMessageComposerProps } from '../src';
import {
  createImageFile,
  createMemoryTransport,
  dropFiles,
  pasteFiles,
  renderWithImageMessage,
} from '../src/testing';
import { fixtureFile } from './helpers';

function renderComposer(props: Partial<ImageMessageComposerProps> = {}, transport = createMemoryTransport()) {
  // The real picker can show "All files"; let every file reach the byte checks.
  const user = userEvent.setup({ applyAccept: false });
  const view = renderWithImageMessage(<ImageMessageComposer receiver="bob" {...props} />, { transport });
  return { user, ...view };
}

const fileInput = () =>
  screen.getByLabelText<HTMLInputElement>(/^Add images$|^添加图片$/, { selector: 'input' });

describe('<ImageMessageComposer> input', () => {
  it('has a labelled file input that accepts images', () => {
    renderComposer();
    const input = fileInput();
    expect(input).toHaveAttribute('type', 'file');
    expect(input.accept).toMatch(/image\/jpeg/);
    expect(input).toHaveAttribute('multiple');
  });

  it('adds a picked image as a preview named by its file name, with size and dimensions, and announces it', async () => {
    const { user } = renderComposer();
    await user.upload(
      fileInput(),
      createImageFile({ format: 'jpeg', width: 400, height: 300, name: 'beach.jpg' }),
    );
    const preview = await screen.findByRole('img', { name: 'beach.jpg' });
    const item = preview.closest('li') as HTMLElement;
    expect(within(item).getByText(/400 × 300/)).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent('1 image added');
  });

  it('adds dropped images through the same pipeline', async () => {
    renderComposer();
    const zone = screen.getByRole('button', { name: 'Add images' });
    await dropFiles(zone, [
      createImageFile({ name: 'a.png' }),
      createImageFile({ name: 'b.gif', format: 'gif' }),
    ]);
    expect(await screen.findByRole('img', { name: 'a.png' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'b.gif' })).toBeInTheDocument();
  });

  it('opens the file picker from the keyboard with Enter and with Space, once per press', async () => {
    const { user } = renderComposer();
    const click = vi.spyOn(fileInput(), 'click');
    await user.tab();
    const button = screen.getByRole('button', { name: 'Add images' });
    expect(button).toHaveFocus();
    expect(button).toHaveAccessibleDescription('Drop images here, paste, or click to choose');
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(click).toHaveBeenCalledTimes(2);
  });

  it('opens the picker once when the drop zone around the button is clicked', async () => {
    const { user } = renderComposer();
    const click = vi.spyOn(fileInput(), 'click');
    await user.click(screen.getByText('Drop images here, paste, or click to choose'));
    await user.click(screen.getByRole('button', { name: 'Add images' }));
    expect(click).toHaveBeenCalledTimes(2);
  });

  it('adds pasted images, several at once, even mixed with text', async () => {
    renderComposer();
    const group = screen.getByRole('group', { name: 'Send images' });
    pasteFiles(group, [createImageFile({ name: 'shot-1.png' }), createImageFile({ name: 'shot-2.png' })], {
      text: 'look',
    });
    expect(await screen.findByRole('img', { name: 'shot-1.png' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'shot-2.png' })).toBeInTheDocument();
  });

  it('ignores a paste with text only', async () => {
    renderComposer();
    const group = screen.getByRole('group', { name: 'Send images' });
    pasteFiles(group, [], { text: 'just words' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('<ImageMessageComposer> rejections', () => {
  it.each([
    [
      'too large',
      () => createImageFile({ name: 'huge.png', size: IMAGE_MAX_BYTES + 1 }),
      /huge\.png is 28\.1 MB; images must be smaller than 28 MB\. Choose a smaller image or compress it\./,
    ],
    [
      'empty',
      () => new File([], 'empty.png', { type: 'image/png' }),
      /empty\.png is empty\. Choose another image\./,
    ],
    [
      'not an image',
      () => fixtureFile('document-pdf.png', 'report.png'),
      /report\.png isn't an image\. Choose a JPEG, PNG, GIF, BMP or WebP file\./,
    ],
    [
      'unsupported type',
      () => fixtureFile('image.heic', 'iphone.heic', 'image/heic'),
      /iphone\.heic is in a format that can't be sent\. Convert it to JPEG, PNG, GIF, BMP or WebP\./,
    ],
  ])('shows %s as an alert that says what to do, and uploads nothing', async (_, makeFile, text) => {
    const { user, transport } = renderComposer();
    await user.upload(fileInput(), makeFile());
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.queryByRole('img')).toBeNull();
    expect(transport.attempts).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent("1 file couldn't be added");
  });

  it("names the transport's lower limit (20 MB) in the too-large alert", async () => {
    const { user } = renderComposer({}, createMemoryTransport({ maxBytes: 20 * 1024 * 1024 }));
    await user.upload(fileInput(), createImageFile({ name: 'big.png', size: 21 * 1024 * 1024 }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'big.png is 21 MB; images must be smaller than 20 MB.',
    );
  });

  it('refuses images beyond maxFiles with an alert naming the limit', async () => {
    const { user } = renderComposer({ maxFiles: 2 });
    await user.upload(fileInput(), [
      createImageFile({ name: '1.png' }),
      createImageFile({ name: '2.png' }),
      createImageFile({ name: '3.png' }),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You can add up to 2 images at a time. Send or remove some first.',
    );
    expect(await screen.findAllByRole('img')).toHaveLength(2);
  });

  it('dismisses a rejection', async () => {
    const { user } = renderComposer();
    await user.upload(fileInput(), new File([], 'empty.png', { type: 'image/png' }));
    await user.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

describe('<ImageMessageComposer> sending', () => {
  it('shows per-image progress while sending, then the draft leaves, onSent fires and the send is announced', async () => {
    const onSent = vi.fn();
    const { user, transport } = renderComposer({ onSent }, createMemoryTransport({ steps: 10, latency: 15 }));
    await user.upload(fileInput(), createImageFile({ name: 'cat.png' }));
    await screen.findByRole('img', { name: 'cat.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const bar = await screen.findByRole('progressbar', { name: 'Uploading cat.png' });
    await waitFor(() => expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0));
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^\d+% uploaded$/);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await waitFor(() => expect(onSent).toHaveBeenCalledTimes(1));
    expect(onSent.mock.calls[0]?.[0]).toMatchObject({ status: 2, userID: 'bob' });
    await waitFor(() => expect(screen.queryByRole('img', { name: 'cat.png' })).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('cat.png sent');
    expect(transport.messages).toHaveLength(1);
  });

  it('sends to a group, and to one member of a group', async () => {
    const transport = createMemoryTransport();
    const { user } = renderComposer({ receiver: undefined, groupID: 'team' }, transport);
    await user.upload(fileInput(), createImageFile({ name: 'g.png' }));
    await screen.findByRole('img', { name: 'g.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(transport.messages[0]?.message).toMatchObject({ groupID: 'team' });
    expect(transport.messages[0]?.message.userID).toBeUndefined();
  });

  it('disables Send without a receiver or group, and when there is nothing to send', async () => {
    const { user } = renderComposer({ receiver: undefined });
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.upload(fileInput(), createImageFile());
    await screen.findByRole('img');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('cancels an upload: no error alert, the draft stays with Retry, and Retry stores exactly one message', async () => {
    const onError = vi.fn();
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 10 }] });
    const { user } = renderComposer({ onError }, transport);
    await user.upload(fileInput(), createImageFile({ name: 'slow.png' }));
    await screen.findByRole('img', { name: 'slow.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Upload canceled')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('slow.png upload canceled');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('img', { name: 'slow.png' })).toBeNull());
    expect(transport.attempts.map((a) => a.outcome)).toEqual(['aborted', 'sent']);
    expect(transport.messages).toHaveLength(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('shows a failure as an alert with Retry; Retry sends the same id once', async () => {
    const onError = vi.fn();
    const transport = createMemoryTransport({
      failures: [{ code: ErrorCode.UPLOAD_FAILED, afterBytes: 10 }],
    });
    const { user } = renderComposer({ onError }, transport);
    await user.upload(fileInput(), createImageFile({ name: 'fail.png' }));
    await screen.findByRole('img', { name: 'fail.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "fail.png couldn't be uploaded. Press Retry to try again.",
    );
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: ErrorCode.UPLOAD_FAILED }));
    expect(screen.getByRole('status')).toHaveTextContent('fail.png failed to send');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(new Set(transport.attempts.map((a) => a.id)).size).toBe(1);
  });

  it.each([
    [ErrorCode.NETWORK_DISCONNECT, "net.png wasn't sent: you're offline. Reconnect, then press Retry."],
    [ErrorCode.REQUEST_TIMEOUT, 'net.png timed out while uploading. Press Retry to try again.'],
    [ErrorCode.NOT_LOGGED_IN, "net.png wasn't sent: you're signed out. Sign in again, then press Retry."],
    [
      ErrorCode.KICKED_OUT_USERSIG_EXPIRED,
      "net.png wasn't sent: you're signed out. Sign in again, then press Retry.",
    ],
    [
      ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY,
      "net.png wasn't sent: you can't send images to this conversation right now.",
    ],
    [
      ErrorCode.ERR_SVR_MSG_IN_PEER_BLACKLIST,
      "net.png wasn't sent: you can't send images to this conversation right now.",
    ],
    // Tencent's own codes read like core's: one classification (errorCategory) behind every locale.
    [ErrorCode.MSG_I_SIZE_LIMIT, /^net\.png is [\d.]+ [KM]?B; images must be smaller than 28 MB\./],
    [ErrorCode.NETWORK_TIMEOUT, 'net.png timed out while uploading. Press Retry to try again.'],
    [ErrorCode.NO_NETWORK, "net.png wasn't sent: you're offline. Reconnect, then press Retry."],
    [ErrorCode.MSG_F_UPLOAD_FAIL, "net.png couldn't be uploaded. Press Retry to try again."],
    [12345, "net.png wasn't sent: The service said no."],
    [ErrorCode.NETWORK_DISCONNECT, 'net.png 未发送：网络已断开。请恢复网络后点击“重试”。', 'zh-CN'],
    [ErrorCode.NOT_LOGGED_IN, 'net.png 未发送：登录已失效。请重新登录后点击“重试”。', 'zh-CN'],
    [ErrorCode.USER_NOT_LOGGED_IN, 'net.png 未发送：登录已失效。请重新登录后点击“重试”。', 'zh-CN'],
    [ErrorCode.ERR_SVR_GROUP_SHUTUP_DENY, 'net.png 未发送：你目前无法在此会话中发送图片。', 'zh-CN'],
    [ErrorCode.MSG_I_SIZE_LIMIT, /^net\.png 大小为 [\d.]+ [KM]?B，图片须小于 28 MB。/, 'zh-CN'],
    // The service's English desc would not be Chinese: the code is quoted instead.
    [12345, 'net.png 未发送（错误码 12345）。请稍后点击“重试”。', 'zh-CN'],
  ])('words failure %i so the user knows what to do: %s', async (code, text, locale = 'en-US') => {
    const transport = createMemoryTransport({ failures: [{ code, desc: 'The service said no.' }] });
    const { user } = renderComposer({ locale }, transport);
    await user.upload(fileInput(), createImageFile({ name: 'net.png' }));
    await screen.findByRole('img', { name: 'net.png' });
    await user.click(screen.getByRole('button', { name: locale === 'zh-CN' ? '发送' : 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
  });

  it('removes a draft and announces it', async () => {
    const { user } = renderComposer();
    await user.upload(fileInput(), createImageFile({ name: 'gone.png' }));
    await screen.findByRole('img', { name: 'gone.png' });
    const remove = screen.getByRole('button', { name: 'Remove' });
    expect(remove).toHaveAccessibleDescription('gone.png');
    await user.click(remove);
    await waitFor(() => expect(screen.queryByRole('img', { name: 'gone.png' })).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('gone.png removed');
  });

  it('sends as soon as an image is added with autoSend', async () => {
    const transport = createMemoryTransport();
    const { user } = renderComposer({ autoSend: true }, transport);
    await user.upload(fileInput(), [createImageFile({ name: 'x.png' }), createImageFile({ name: 'y.png' })]);
    await waitFor(() => expect(transport.messages).toHaveLength(2));
    // Each announcement names its image, though the send started before the draft reached the list.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/[xy]\.png sent/));
  });

  it('sends each draft once when Send is double-clicked', async () => {
    const transport = createMemoryTransport({ latency: 5 });
    const { user } = renderComposer({}, transport);
    await user.upload(fileInput(), createImageFile());
    await screen.findByRole('img');
    await user.dblClick(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(transport.attempts).toHaveLength(1);
  });

  it('keeps the app cache in step with queryKey: optimistic at status 1, then status 2, one row', async () => {
    const transport = createMemoryTransport({ steps: 5, latency: 10 });
    const { user, queryClient } = renderComposer({ queryKey: ['conversation', 'bob'] }, transport);
    queryClient.setQueryData(['conversation', 'bob'], []);
    await user.upload(fileInput(), createImageFile({ name: 'opt.png' }));
    await screen.findByRole('img', { name: 'opt.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const read = () => queryClient.getQueryData<V2TimMessage[]>(['conversation', 'bob']) ?? [];
    await waitFor(() => expect(read()).toEqual([expect.objectContaining({ status: 1 })]));
    await waitFor(() => expect(read()).toEqual([expect.objectContaining({ status: 2 })]));
  });

  it('does nothing while disabled', async () => {
    const { user, transport } = renderComposer({ disabled: true });
    const button = screen.getByRole('button', { name: 'Add images' });
    expect(button).toBeDisabled();
    await dropFiles(button.parentElement as HTMLElement, [createImageFile()]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(transport.attempts).toHaveLength(0);
    await user.tab();
  });
});

describe('<ImageMessageComposer> languages', () => {
  it('speaks zh-CN: buttons 发送 / 取消 / 重试 / 移除, alerts and announcements in Chinese', async () => {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 10 }] });
    const { user } = renderComposer({ locale: 'zh-CN' }, transport);
    const input = fileInput();
    await user.upload(input, [
      createImageFile({ name: '猫.png' }),
      createImageFile({ name: 'big.png', size: IMAGE_MAX_BYTES + 1 }),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'big.png 大小为 28.1 MB，图片须小于 28 MB。请选择更小的图片或先压缩。',
    );
    await screen.findByRole('img', { name: '猫.png' });
    expect(screen.getByRole('button', { name: '移除' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByRole('progressbar', { name: '正在上传 猫.png' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(await screen.findByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('猫.png 已取消上传');
  });

  it('lets the app override any string', async () => {
    const { user } = renderComposer({
      messages: { send: 'Post', errors: { empty: ({ fileName }) => `Nothing in ${fileName}.` } },
    });
    expect(screen.getByRole('button', { name: 'Post' })).toBeInTheDocument();
    await user.upload(fileInput(), new File([], 'void.png', { type: 'image/png' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing in void.png.');
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
  });
});

describe('<ImageMessageComposer> focus', () => {
  it('moves focus from Cancel to Retry, and from Retry to Cancel, so keyboard users keep their place', async () => {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 10, times: 2 }] });
    const { user } = renderComposer({}, transport);
    await user.upload(fileInput(), createImageFile({ name: 'k.png' }));
    await screen.findByRole('img', { name: 'k.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    cancel.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('button', { name: 'Retry' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus());
  });

  it('after Remove, focuses the next draft’s Remove, and the Add images button after the last one', async () => {
    const { user } = renderComposer();
    await user.upload(fileInput(), [
      createImageFile({ name: 'one.png' }),
      createImageFile({ name: 'two.png' }),
    ]);
    await screen.findByRole('img', { name: 'two.png' });
    const [firstRemove] = screen.getAllByRole('button', { name: 'Remove' });
    firstRemove?.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Remove' })).toHaveAccessibleDescription('two.png');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add images' })).toHaveFocus());
  });

  it('after Dismiss, focuses the Add images button', async () => {
    const { user } = renderComposer();
    await user.upload(fileInput(), new File([], 'e.png', { type: 'image/png' }));
    const dismiss = await screen.findByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add images' })).toHaveFocus());
  });

  it('never takes focus from outside the composer', async () => {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 10 }] });
    const { user } = renderComposer({}, transport);
    const outside = document.createElement('input');
    document.body.append(outside);
    await user.upload(fileInput(), createImageFile({ name: 'o.png' }));
    await screen.findByRole('img', { name: 'o.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    outside.focus();
    cancel.click();
    await screen.findByRole('button', { name: 'Retry' });
    expect(outside).toHaveFocus();
    outside.remove();
  });
});

describe('<ImageMessageComposer> and the app cache', () => {
  it('a send that fails after the composer unmounted still reaches the app: onError, and status 3 in the cache', async () => {
    const transport = createMemoryTransport({
      steps: 10,
      latency: 20,
      failures: [{ code: ErrorCode.UPLOAD_FAILED, afterBytes: 5_000 }],
    });
    const onError = vi.fn();
    const { user, queryClient, unmount } = renderComposer(
      { queryKey: ['conversation', 'bob'], onError },
      transport,
    );
    queryClient.setQueryData(['conversation', 'bob'], []);
    await user.upload(fileInput(), createImageFile({ name: 'late.png', size: 10_000 }));
    await screen.findByRole('img', { name: 'late.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('progressbar', { name: 'Uploading late.png' });
    unmount();

    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: ErrorCode.UPLOAD_FAILED })),
    );
    expect(queryClient.getQueryData(['conversation', 'bob'])).toEqual([
      expect.objectContaining({ status: 3 }),
    ]);
    expect(transport.messages).toHaveLength(0);
  });

  it('removing a failed draft also takes its unsent copy out of the cached conversation', async () => {
    const transport = createMemoryTransport({
      failures: [{ code: ErrorCode.UPLOAD_FAILED, afterBytes: 10 }],
    });
    const { user, queryClient } = renderComposer({ queryKey: ['conversation', 'bob'] }, transport);
    const kept: V2TimMessage = { msgID: 'earlier', elemType: 3, status: 2 };
    queryClient.setQueryData(['conversation', 'bob'], [kept]);
    await user.upload(fileInput(), createImageFile({ name: 'f.png' }));
    await screen.findByRole('img', { name: 'f.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('alert');
    expect(queryClient.getQueryData<V2TimMessage[]>(['conversation', 'bob'])).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(queryClient.getQueryData(['conversation', 'bob'])).toEqual([kept]));
  });
});
