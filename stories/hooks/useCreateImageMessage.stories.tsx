import { ErrorCode } from '@image-message/core';
import { createImageFile } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { loadImageMessage, storyTransport, withImageMessage } from '../support/ImageMessageStoryProviders';
import { UseCreateImageMessageDemo } from './UseCreateImageMessageDemo';

const DOCS = `
\`useCreateImageMessage(options?)\` turns the \`File\`s a dropzone, an \`<input type="file">\` or a paste hands
you into created image messages — **drafts** with a preview URL, size and dimensions of what will be sent —
and keeps typed **rejections** for files that cannot be sent. Nothing is uploaded here; send a draft with
\`useSendMessage\`. Every object URL it makes is revoked on remove, clear, send and unmount. Needs an
\`<ImageMessageProvider>\` above it.

| option | meaning |
| --- | --- |
| \`prepare\` | how each photo is prepared first (\`prepareImageFile\`: HEIC → JPEG, downscaled to 2560 px unless \`original: true\`, metadata and GPS stripped, a ThumbHash placeholder); the size limit is judged on the result; \`false\` sends files as they are. Changing \`original\` prepares every unsent draft again |
| \`maxFiles\` | most drafts at once; more are rejected with \`ErrorCode.TOO_MANY_FILES\` |
| \`maxBytes\` | a lower byte limit than the manager's 28 MiB |
| \`validator\` | \`(file) => ({ code, desc }) \\| null\`: your own check, run before reading |
| \`concurrency\` | files read at once (default 2) |

| returns | meaning |
| --- | --- |
| \`drafts\` | \`ImageDraft[]\` in the order the files came: \`id\`, \`fileName\`, \`previewUrl\`, \`size\`, \`width\`, \`height\`, \`status\` (preparing, created, sending, failed, canceled), \`progress\`, \`error\` |
| \`rejections\` | \`ImageRejection[]\`: \`file\`, \`fileName\`, \`code\` (7006 empty, 7005 too large, 2252 type, 6031 not an image, -3 too many), \`desc\` |
| \`isProcessing\` | files are being read and validated |
| \`addFiles(files)\` | resolves to \`{ added, rejected }\` |
| \`remove(id)\`, \`clear()\`, \`dismissRejection(id?)\` | tidy up (remove also aborts a send in flight) |

\`\`\`tsx
import { useDropzone } from 'react-dropzone';
import { useCreateImageMessage, useSendMessage } from '@image-message/react';

function Attachments({ peer }: { peer: string }) {
  const { drafts, rejections, addFiles, remove } = useCreateImageMessage({ maxFiles: 9 });
  const { mutate } = useSendMessage();
  const { getRootProps, getInputProps } = useDropzone({ onDrop: addFiles });
  return (
    <div {...getRootProps()}>
      <input {...getInputProps()} aria-label="Add images" />
      {drafts.map((d) => (
        <figure key={d.id}>
          {d.status === 'preparing' ? (
            <progress aria-label={\`Preparing \${d.fileName}\`} />
          ) : (
            <img src={d.previewUrl} alt={d.fileName} />
          )}
          <button disabled={d.status !== 'created'} onClick={() => mutate({ id: d.id, receiver: peer })}>
            Send
          </button>
          <button onClick={() => remove(d.id)}>Remove</button>
        </figure>
      ))}
      {rejections.map((r) => <p role="alert" key={r.id}>{r.desc}</p>)}
    </div>
  );
}
\`\`\`
`;

/** The hook behind the composer's drafts, shown without the composer. */
const meta = {
  title: 'Hooks/useCreateImageMessage',
  component: UseCreateImageMessageDemo,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  parameters: { docs: { description: { component: DOCS } } },
} satisfies Meta<typeof UseCreateImageMessageDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Two images and two files that cannot be sent, picked at once: the images become drafts with sizes and
 * dimensions read from their bytes; the others become rejections with their `ErrorCode`. No upload.
 */
export const DraftsAndRejections: Story = {
  play: async (context) => {
    const { canvas } = context;
    await userEvent.upload(canvas.getByLabelText('Choose images'), [
      createImageFile({ format: 'jpeg', name: 'dog.jpg', width: 1024, height: 768 }),
      createImageFile({ format: 'gif', name: 'party.gif', width: 320, height: 320 }),
      new File([], 'blank.png', { type: 'image/png' }),
      new File(['just text'], 'notes.png', { type: 'image/png' }),
    ]);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('2 drafts, 2 rejections'));
    const dog = canvas.getByRole('img', { name: 'dog.jpg' }).closest('tr') as HTMLElement;
    await expect(within(dog).getByText('1024 × 768')).toBeVisible();
    await expect(within(dog).getByText('created')).toBeVisible();
    const codes = canvas.getAllByRole('alert').map((alert) => alert.querySelector('code')?.textContent);
    await expect(codes).toEqual([String(ErrorCode.FILE_SIZE_EMPTY), String(ErrorCode.NOT_IMAGE)]);
    await expect(storyTransport(context).attempts).toHaveLength(0);
  },
};

/** `maxFiles: 2`: the third image is refused with `TOO_MANY_FILES`; Remove makes room again. */
export const MaxFiles: Story = {
  args: { maxFiles: 2 },
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText('Choose images');
    await userEvent.upload(
      input,
      ['a', 'b', 'c'].map((name) => createImageFile({ name: `${name}.png` })),
    );
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('2 drafts, 1 rejections'));
    await expect(canvas.getByRole('alert')).toHaveTextContent(String(ErrorCode.TOO_MANY_FILES));
    await userEvent.click(canvas.getByRole('button', { name: 'Remove a.png' }));
    await userEvent.upload(input, [createImageFile({ name: 'd.png' })]);
    await waitFor(() => expect(canvas.getByRole('img', { name: 'd.png' })).toBeVisible());
    await expect(canvas.getAllByRole('img').map((image) => image.getAttribute('alt'))).toEqual([
      'b.png',
      'd.png',
    ]);
  },
};
