import { screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { DropOverlay, ImageMessageComposer, useImageDrop } from '../src';
import { createImageFile, dragFilesOver, dropFiles, renderWithImageMessage } from '../src/testing';

/** A conversation and a composer under one Root, the conversation being the drop target. */
function Chat({ locale }: { locale?: string }) {
  return (
    <ImageMessageComposer.Root receiver="bob" locale={locale} aria-label="Conversation with Bob">
      <Conversation />
      <ImageMessageComposer.Dropzone />
      <ImageMessageComposer.Previews />
      <ImageMessageComposer.Rejections />
      <ImageMessageComposer.Status />
    </ImageMessageComposer.Root>
  );
}

function Conversation() {
  const ref = useRef<HTMLDivElement>(null);
  const dragState = useImageDrop(ref);
  return (
    <section ref={ref} aria-label="Messages" style={{ position: 'relative' }}>
      <p>Earlier messages</p>
      <DropOverlay dragState={dragState} data-testid="overlay" />
    </section>
  );
}

describe('useImageDrop', () => {
  it('shows the overlay while files are dragged over the conversation and adds the dropped images', async () => {
    renderWithImageMessage(<Chat />);
    const conversation = screen.getByRole('region', { name: 'Messages' });
    const overlay = screen.getByTestId('overlay');
    expect(overlay).not.toBeVisible();

    dragFilesOver(conversation, [createImageFile({ name: 'sunset.png' })]);
    await waitFor(() => expect(overlay).toBeVisible());
    expect(overlay).toHaveTextContent('Drop to add');
    expect(overlay).toHaveAttribute('data-drag-state', 'accept');

    await dropFiles(screen.getByText('Earlier messages'), [createImageFile({ name: 'sunset.png' })]);
    expect(await screen.findByRole('img', { name: 'sunset.png' })).toBeInTheDocument();
    expect(overlay).not.toBeVisible();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 image added'));
  });

  it('refuses what is not an image with the composer’s own alert, and says so while dragging (zh-CN)', async () => {
    renderWithImageMessage(<Chat locale="zh-CN" />);
    const conversation = screen.getByRole('region', { name: 'Messages' });
    const pdf = new File(['%PDF-1.4'], 'notes.pdf', { type: 'application/pdf' });
    dragFilesOver(conversation, [pdf]);
    await waitFor(() => expect(screen.getByTestId('overlay')).toHaveTextContent('只能发送图片'));
    await dropFiles(conversation, [pdf]);
    expect(await screen.findByRole('alert')).toHaveTextContent('notes.pdf 不是图片');
  });

  it('leaves a drop on the composer’s own drop zone to it: one draft, not two', async () => {
    renderWithImageMessage(<Chat />);
    await dropFiles(screen.getByRole('button', { name: 'Add images' }), [
      createImageFile({ name: 'one.png' }),
    ]);
    expect(await screen.findByRole('img', { name: 'one.png' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 image added'));
    expect(screen.getAllByRole('img', { name: 'one.png' })).toHaveLength(1);
  });
});
