import { ErrorCode } from '@image-message/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageMessageComposer, ImageMessageView } from '../src';
import { createImageFile, createMemoryTransport, renderWithImageMessage } from '../src/testing';
import { sentImageMessage } from './support/imageMessages';
import { fakeLayout } from './support/resizeObserver';

// The draft's description (alt text): a labelled field in the composer whose text lives in the manager and
// travels as `imageElem.description`; the view and the viewer name the image by it.

async function composerWithDraft(locale?: string) {
  const user = userEvent.setup();
  const transport = createMemoryTransport();
  const view = renderWithImageMessage(<ImageMessageComposer receiver="bob" locale={locale} />, { transport });
  const input = screen.getByLabelText<HTMLInputElement>(/^Add images$|^添加图片$/, { selector: 'input' });
  await user.upload(input, createImageFile({ format: 'jpeg', width: 400, height: 300, name: 'beach.jpg' }));
  await screen.findByRole('img', { name: 'beach.jpg' });
  const [id] = view.manager.getMessageIds() as [string];
  return { user, id, ...view };
}

describe('the composer’s description field', () => {
  it('is labelled, says what it is for and which image, and what is typed is sent', async () => {
    const { user, transport, manager, id } = await composerWithDraft();
    const field = await screen.findByRole('textbox', { name: 'Describe this image' });
    expect(field).toHaveAccessibleDescription("beach.jpg For people who can't see it (optional)");
    expect(field).not.toHaveAttribute('aria-invalid');

    await user.type(field, 'A dog on the beach');
    // Every keystroke reaches the manager, which owns the text; the field shows it as typed.
    expect(manager.getSendState(id)?.description).toBe('A dog on the beach');
    expect(field).toHaveValue('A dog on the beach');

    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(transport.messages[0]?.message.imageElem?.description).toBe('A dog on the beach');
  });

  it('is labelled in zh-CN', async () => {
    await composerWithDraft('zh-CN');
    const field = await screen.findByRole('textbox', { name: '描述这张图片' });
    expect(field).toHaveAccessibleDescription('beach.jpg 供无法看到图片的人了解（可选）');
  });

  it('too long: an alert says how long and what to do, that draft is not sent, the photo stays', async () => {
    const { user, transport, manager, id } = await composerWithDraft();
    const field = await screen.findByRole('textbox', { name: 'Describe this image' });
    await user.click(field);
    await user.paste('a'.repeat(1001));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Descriptions can be up to 1000 characters; this one has 1001. Shorten it to send.',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/this one has 1001/);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled());
    expect(manager.getSendState(id)?.descriptionError?.code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
    expect(screen.getByRole('img', { name: 'beach.jpg' })).toBeInTheDocument();
    expect(transport.attempts).toHaveLength(0);

    await user.type(field, '{Backspace}');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(field).not.toHaveAttribute('aria-invalid');
    const send = screen.getByRole('button', { name: 'Send' });
    await waitFor(() => expect(send).toBeEnabled());
    await user.click(send);
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(transport.messages[0]?.message.imageElem?.description).toHaveLength(1000);
  });

  it('is read-only while the image is being sent', async () => {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 0 }] });
    const user = userEvent.setup();
    renderWithImageMessage(<ImageMessageComposer receiver="bob" />, { transport });
    const input = screen.getByLabelText<HTMLInputElement>('Add images', { selector: 'input' });
    await user.upload(input, createImageFile({ name: 'a.png' }));
    const field = await screen.findByRole('textbox', { name: 'Describe this image' });
    await user.type(field, 'A square');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(field).toBeDisabled());
    expect(field).toHaveValue('A square');
  });
});

let undoLayout: (() => void) | undefined;
beforeEach(() => {
  undoLayout = fakeLayout({ width: 240, height: 180 });
});
afterEach(() => {
  undoLayout?.();
  vi.unstubAllGlobals();
});

const described = sentImageMessage('d', 1200, 800, {});
described.imageElem = { ...described.imageElem, description: 'A dog on the beach' };

describe('ImageMessageView with a description', () => {
  it('uses it as the image’s alt and in the open button’s name', async () => {
    render(<ImageMessageView message={described} />);
    const button = screen.getByRole('button', { name: 'Open image: A dog on the beach' });
    const image = await within(button).findByRole('img', { hidden: true });
    expect(image).toHaveAttribute('alt', 'A dog on the beach');
  });

  it('in zh-CN too; without one the names stay as they were', () => {
    render(
      <>
        <ImageMessageView locale="zh-CN" message={described} />
        <ImageMessageView message={sentImageMessage('n', 800, 600)} />
      </>,
    );
    expect(screen.getByRole('button', { name: '查看图片：A dog on the beach' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open image from Alice' })).toBeInTheDocument();
  });

  it('shows a bidi override a cache kept as harmless text: cleaned before it names anything', () => {
    const spoof = sentImageMessage('s', 800, 600);
    spoof.imageElem = { ...spoof.imageElem, description: 'cat\u202Egpj.exe' };
    render(<ImageMessageView message={spoof} />);
    expect(screen.getByRole('button', { name: 'Open image: catgpj.exe' })).toBeInTheDocument();
  });

  it('the viewer’s original image has it as its alt', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(new Uint8Array(10), { headers: { 'content-type': 'image/jpeg' } })),
    );
    render(<ImageMessageView message={described} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open image: A dog on the beach' }));
    const dialog = await screen.findByRole('dialog');
    const original = await within(dialog).findByRole(
      'img',
      { name: 'A dog on the beach' },
      { timeout: 3000 },
    );
    expect(original).toHaveClass('im-viewer__image--origin');
  });
});
