import { ErrorCode } from '@image-message/core';
import { createImageFile } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { loadImageMessage, storyTransport, withImageMessage } from '../support/ImageMessageStoryProviders';
import { UseSendMessageDemo } from './UseSendMessageDemo';

const DOCS = `
\`useSendMessage(options?)\` sends a created image message as a react-query mutation:
\`mutate({ id, receiver })\` (one-to-one), \`mutate({ id, groupID })\` (group) or both (a group message only
\`receiver\` sees). A failure arrives as an \`ImageMessageError\` with the SDK's \`code\` and a \`desc\`, so
\`error\`, \`onError\` and react-query's \`retry\` work as usual; a cancel is an error with
\`ErrorCode.CANCELED\` (-2). Sending the same id again never duplicates the message on the server.
Needs the app's \`<QueryClientProvider>\` and an \`<ImageMessageProvider>\`.

| option | meaning |
| --- | --- |
| \`queryKey\` | the app's cached \`V2TimMessage[]\` for the conversation: the message goes in at status 1, follows the upload's progress, then becomes the server's message (status 2), is marked 3 on failure, or leaves the list on cancel — for this hook's sends and for any send of a message already in the list (a Retry from \`ImageMessageView\`, \`manager.sendMessage\`) |
| \`updateMessages\` | \`(data, update) => data\` for cached data that is not a \`V2TimMessage[]\` (an infinite query's \`{ pages, pageParams }\`): apply \`update\` to the list where new messages go |
| \`belongs\` | \`(message) => boolean\`: sends of messages not in the list yet that belong to this conversation anyway |
| \`sendOptions\` | SDK send options for every send (\`priority\`, \`cloudCustomData\`, …) |
| \`onSuccess\`, \`onError\`, \`onMutate\`, \`retry\`, … | any react-query mutation option |

| returns | meaning |
| --- | --- |
| everything \`useMutation\` returns | \`mutate\`, \`mutateAsync\`, \`status\`, \`isPending\`, \`data\` (\`V2TimMessage\`), \`error\` (\`ImageMessageError\`), \`reset\` |
| \`progress\` | 0–100 of the latest send, re-rendered at most once per animation frame |
| \`cancel(id?)\` | stops one send (default: the latest) through \`manager.cancel\`; the message stays and can be sent again |
| \`discard(id)\` | for a draft the user removes: stops and releases it; its unsent row leaves the cache |

The manager owns every send: \`useSendState(id)\` reads one message's state (\`status\`, \`progress\`, \`error\`)
wherever the send was started.

\`\`\`tsx
const { mutate, progress, cancel, isPending, error } = useSendMessage({
  queryKey: ['messages', 'c2c_bob'],
  onError: (error) => error.code !== ErrorCode.CANCELED && toast(error.desc),
});
mutate({ id: draft.id, receiver: 'bob' });
// <progress max={100} value={progress} />  <button onClick={() => cancel()}>Cancel</button>
\`\`\`
`;

/** The hook behind the composer's Send, Cancel and progress, shown without the composer. */
const meta = {
  title: 'Hooks/useSendMessage',
  component: UseSendMessageDemo,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  args: { receiver: 'bob' },
  parameters: { docs: { description: { component: DOCS } } },
} satisfies Meta<typeof UseSendMessageDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const result = (canvasElement: HTMLElement, field: string) =>
  within(canvasElement).getByTestId(field).textContent ?? '';

/** Send: status goes pending → success, progress reaches 100, the cached row goes from 1 to 2. */
export const Send: Story = {
  parameters: { imageMessage: { transport: { steps: 10, latency: 60 } } },
  play: async (context) => {
    const { canvas, canvasElement } = context;
    await userEvent.upload(canvas.getByLabelText('Choose an image'), createImageFile({ name: 'cat.png' }));
    await canvas.findByRole('img', { name: 'cat.png' });
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    // The optimistic row: in the cache at status 1 while the upload runs.
    await expect(await canvas.findByText('1 sending')).toBeVisible();
    await waitFor(() => expect(result(canvasElement, 'status')).toBe('success'), { timeout: 5000 });
    await expect(result(canvasElement, 'progress')).toBe('100');
    await expect(result(canvasElement, 'msgID')).toMatch(/^memory-\d+$/);
    await expect(await canvas.findByText('2 sent')).toBeVisible();
    await expect(canvas.getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute(
      'value',
      '100',
    );
    await expect(storyTransport(context).messages).toHaveLength(1);
  },
};

/**
 * Cancel while held at 40 %: the mutation fails with `CANCELED` (-2), and the cached row leaves the
 * conversation (a cancel is not a failure to show); the draft stays, ready to send again.
 */
export const Cancel: Story = {
  // The picked file is padded to 10,000 bytes so 40 % is a step boundary of the ten.
  parameters: { imageMessage: { transport: { steps: 10, stalls: [{ afterBytes: 4_000 }] } } },
  play: async ({ canvas, canvasElement }) => {
    await userEvent.upload(
      canvas.getByLabelText('Choose an image'),
      createImageFile({ name: 'slow.png', size: 10_000 }),
    );
    await canvas.findByRole('img', { name: 'slow.png' });
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(result(canvasElement, 'progress')).toBe('40'));
    await expect(canvas.getByText('1 sending')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(result(canvasElement, 'status')).toBe('error'));
    await expect(result(canvasElement, 'error')).toMatch(new RegExp(`^${ErrorCode.CANCELED}: `));
    await waitFor(() => expect(canvas.queryByText('1 sending')).toBeNull());
    await expect(canvas.queryByText('3 failed')).toBeNull();
    // The draft leaves 'sending' on the hook's next frame-throttled snapshot.
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled());
  },
};
