import type { ImageMessageComposerProps } from '@image-message/react';
import type { ArgTypes } from '@storybook/react-vite';

type Row = {
  description: string;
  type: string;
  category: string;
  defaultValue?: string;
  control?: ArgTypes[string]['control'];
};

/** Plain values get a control from their type; functions and objects are set by stories, not the panel. */
const CONTROLS: Record<string, 'boolean' | 'number' | 'text'> = {
  boolean: 'boolean',
  number: 'number',
  string: 'text',
};

const row = ({
  description,
  type,
  category,
  defaultValue,
  control = CONTROLS[type],
}: Row): ArgTypes[string] => ({
  description,
  table: {
    category,
    type: { summary: type },
    ...(defaultValue !== undefined && { defaultValue: { summary: defaultValue } }),
  },
  ...(control !== undefined && { control }),
});

/**
 * The composer's props for the docs' table and controls. Written out because react-docgen cannot follow
 * `ImageMessageComposerProps` (an `Omit` of `RootProps` that extends `ComposerOptions` across files), so
 * autodocs would otherwise list only the props a story happens to set. Texts follow the JSDoc in
 * packages/react/src/composer/useComposerState.ts and parts/Root.tsx.
 */
export const composerArgTypes = {
  receiver: row({
    description: 'One-to-one peer (`userID`). With `groupID`: a group message only this member sees.',
    type: 'string',
    category: 'Where to send',
  }),
  groupID: row({ description: 'Send into this group.', type: 'string', category: 'Where to send' }),
  onSent: row({
    description: 'A message was delivered: the server’s `V2TimMessage` (status 2, `msgID`, image URLs).',
    type: '(message: V2TimMessage) => void',
    category: 'Callbacks',
  }),
  onError: row({
    description: 'A send failed (`ImageMessageError` with `code`, `desc`). Not called for Cancel.',
    type: '(error: ImageMessageError) => void',
    category: 'Callbacks',
  }),
  onReject: row({
    description: 'Files were refused before upload, each with an `ErrorCode`.',
    type: '(rejections: ImageRejection[]) => void',
    category: 'Callbacks',
  }),
  locale: {
    ...row({
      description: 'Language of every text and announcement; any `zh*` tag means zh-CN.',
      type: "'en-US' | 'zh-CN' | string",
      category: 'Language',
      defaultValue: "'en-US'",
      control: 'inline-radio',
    }),
    options: ['en-US', 'zh-CN'],
  },
  messages: row({
    description: 'Override any string, e.g. `{ send: "Post", errors: { empty: ({ fileName }) => … } }`.',
    type: 'ImageMessageStringsOverride',
    category: 'Language',
  }),
  multiple: row({
    description: 'Allow several images at once; false means one at a time.',
    type: 'boolean',
    category: 'Behaviour',
    defaultValue: 'true',
  }),
  autoSend: row({
    description: 'Send each image as soon as it is added.',
    type: 'boolean',
    category: 'Behaviour',
    defaultValue: 'false',
  }),
  disabled: row({ description: 'Nothing can be added or sent.', type: 'boolean', category: 'Behaviour' }),
  maxFiles: row({
    description: 'Most drafts at once; more are rejected with `TOO_MANY_FILES`.',
    type: 'number',
    category: 'Behaviour',
    defaultValue: 'unlimited',
  }),
  maxBytes: row({
    description: 'A byte limit below 28 MiB and below the transport’s own; the alert names it.',
    type: 'number',
    category: 'Behaviour',
    defaultValue: '29360128 (28 MB)',
  }),
  validator: row({
    description: 'Your own check per file, before it is read: return `{ code, desc }` to refuse it.',
    type: '(file: File) => { code: number; desc: string } | null | undefined',
    category: 'Behaviour',
  }),
  prepare: row({
    description:
      'How each photo is prepared before it becomes a message: HEIC → JPEG, downscaled to `maxDimension` (2560 px) unless `original`, re-encoded at `quality` (0.85), metadata and GPS stripped, a ThumbHash `placeholder`. The size limit is judged on the result. `original` is where the Original (原图) switch starts; `false` sends files as they are and hides the switch.',
    type: '{ original?, maxDimension?, quality?, stripMetadata?, placeholder? } | false',
    category: 'Behaviour',
    defaultValue: '{ original: false, maxDimension: 2560, quality: 0.85 }',
  }),
  concurrency: row({
    description: 'Files read and validated at once.',
    type: 'number',
    category: 'Behaviour',
    defaultValue: '2',
  }),
  pasteScope: {
    ...row({
      description: 'Where Ctrl/⌘+V adds images: inside the composer, or anywhere on the page.',
      type: "'composer' | 'document'",
      category: 'Behaviour',
      defaultValue: "'composer'",
      control: 'inline-radio',
    }),
    options: ['composer', 'document'],
  },
  queryKey: row({
    description:
      'The app’s cached conversation, kept in step with every send to it: status 1 with progress, 2 when sent, 3 on failure, gone on cancel (see useSendMessage).',
    type: 'QueryKey',
    category: 'Data',
  }),
  updateMessages: row({
    description:
      'For cached data that is not a `V2TimMessage[]` (an infinite query’s pages): apply `update` to the list where new messages go and return the data.',
    type: '(data, update: (list) => list) => data',
    category: 'Data',
  }),
  sendOptions: row({
    description: 'SDK send options for every send (`priority`, `cloudCustomData`, …).',
    type: 'SendImageOptions',
    category: 'Data',
  }),
  className: {
    ...row({
      description:
        '`im-theme-dark` / `im-theme-light` force a theme (otherwise it follows prefers-color-scheme).',
      type: 'string',
      category: 'Styling',
    }),
    // Named options: a radio labelled by an empty string would itself be an axe violation on the docs page.
    control: 'inline-radio',
    options: ['default', 'light', 'dark'],
    mapping: { default: undefined, light: 'im-theme-light', dark: 'im-theme-dark' },
  },
} satisfies Partial<Record<keyof ImageMessageComposerProps, ArgTypes[string]>>;
