import type { V2TimMessage } from '@image-message/core';
import { ImageMessageComposer, ImageMessageProvider } from '@image-message/react';
import { createTencentChatTransport, type TencentChatTransport } from '@image-message/tencent';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { expect } from 'storybook/test';
import {
  connectTencentChat,
  type TencentChatCredentials,
} from '../packages/tencent/stories/connectTencentChat';

interface TencentStoryConfig extends TencentChatCredentials {
  receiver: string;
  /** Optional: send into this group (targeted at `receiver`) instead of one-to-one. */
  groupID?: string;
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The story's settings from `STORYBOOK_TENCENT_*` variables, or undefined when one is missing. Each is read
 * by its full name: that is the form Vite and Storybook replace at build time.
 */
function readConfig(): TencentStoryConfig | undefined {
  const SDKAppID = Number(nonBlank(import.meta.env.STORYBOOK_TENCENT_SDK_APP_ID));
  const userID = nonBlank(import.meta.env.STORYBOOK_TENCENT_USER_ID);
  const userSig = nonBlank(import.meta.env.STORYBOOK_TENCENT_USER_SIG);
  const receiver = nonBlank(import.meta.env.STORYBOOK_TENCENT_RECEIVER);
  const groupID = nonBlank(import.meta.env.STORYBOOK_TENCENT_GROUP_ID);
  if (!Number.isSafeInteger(SDKAppID) || SDKAppID <= 0 || !userID || !userSig || !receiver) return undefined;
  return { SDKAppID, userID, userSig, receiver, ...(groupID && { groupID }) };
}

const VARIABLES = [
  ['STORYBOOK_TENCENT_SDK_APP_ID', 'your Chat application’s SDKAppID (a number, from the Chat console)'],
  ['STORYBOOK_TENCENT_USER_ID', 'the user to log in as'],
  ['STORYBOOK_TENCENT_USER_SIG', 'a userSig for that user, generated from the app’s secret key'],
  ['STORYBOOK_TENCENT_RECEIVER', 'the userID to send the images to'],
  ['STORYBOOK_TENCENT_GROUP_ID', 'optional: a group to send into instead (targeted at the receiver)'],
] as const;

function SetupInstructions() {
  return (
    <section style={{ maxWidth: '42rem', fontFamily: 'system-ui, sans-serif', lineHeight: 1.5 }}>
      <h2>Send through your Tencent Cloud Chat app</h2>
      <p>
        This story logs in to Tencent Cloud Chat and sends images with{' '}
        <code>createTencentChatTransport(chat)</code>. It needs an account, so it does nothing until these
        variables are set (for example in a <code>.env.local</code> file next to the workspace's{' '}
        <code>package.json</code>, or in the shell that starts Storybook), and Storybook is restarted:
      </p>
      <dl>
        {VARIABLES.map(([name, meaning]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p>
        Generate a test userSig in the Chat console (Auxiliary Tools → UserSig Generation) for local tries
        only; real apps get it from their server. Images must be JPG, PNG, GIF, BMP or WebP under 20 MB.
        Canceling stops waiting but not the SDK's upload, which may still deliver the image.
      </p>
    </section>
  );
}

type Connection =
  | { status: 'connecting' }
  | { status: 'ready'; transport: TencentChatTransport }
  | { status: 'failed'; reason: string };

function describeFailure(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, message } = error as { code: unknown; message?: unknown };
    return `Tencent Cloud Chat error ${String(code)}${typeof message === 'string' && message ? `: ${message}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function TencentChatComposer({ config }: { config: TencentStoryConfig }) {
  const [queryClient] = useState(() => new QueryClient());
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' });
  const [sent, setSent] = useState<V2TimMessage[]>([]);

  useEffect(() => {
    let active = true;
    let logout: (() => Promise<void>) | undefined;
    connectTencentChat(config).then(
      (chat) => {
        logout = () => chat.logout();
        if (active) setConnection({ status: 'ready', transport: createTencentChatTransport(chat) });
      },
      (error: unknown) => {
        if (active) setConnection({ status: 'failed', reason: describeFailure(error) });
      },
    );
    return () => {
      active = false;
      logout?.().catch(() => {});
    };
  }, [config]);

  if (connection.status === 'connecting')
    return <p role="status">Logging in to Tencent Cloud Chat as {config.userID}…</p>;
  if (connection.status === 'failed') {
    return (
      <p role="alert">
        Could not log in ({connection.reason}). Check the STORYBOOK_TENCENT_* variables and that the userSig
        has not expired.
      </p>
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <ImageMessageProvider transport={connection.transport}>
        <ImageMessageComposer
          receiver={config.receiver}
          groupID={config.groupID}
          onSent={(message) => setSent((list) => [...list, message])}
        />
      </ImageMessageProvider>
      <ol role="log" aria-label="Sent through Tencent Cloud Chat">
        {sent.map((message) => (
          <li key={message.msgID}>
            {message.msgID} at {new Date((message.timestamp ?? 0) * 1000).toLocaleTimeString()}
          </li>
        ))}
      </ol>
    </QueryClientProvider>
  );
}

/** Reads the environment once per render of the story; nothing here touches the network without it. */
function TencentChatStory() {
  const [config] = useState(readConfig);
  return config ? <TencentChatComposer config={config} /> : <SetupInstructions />;
}

const meta = {
  title: 'Transports/Tencent Cloud Chat',
  component: TencentChatStory,
  parameters: {
    docs: {
      description: {
        component:
          'The composer sending through the real Web SDK (`@tencentcloud/chat`) with `createTencentChatTransport`. Set the STORYBOOK_TENCENT_* variables to use your own app; without them the story only explains how.',
      },
    },
  },
} satisfies Meta<typeof TencentChatStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Your app when the variables are set; the setup instructions otherwise. */
export const YourApp: Story = {};

/** What the story shows without credentials. */
export const SetupHelp: Story = {
  render: () => <SetupInstructions />,
  play: async ({ canvas }) => {
    for (const [name] of VARIABLES) await expect(canvas.getByText(name)).toBeVisible();
  },
};
