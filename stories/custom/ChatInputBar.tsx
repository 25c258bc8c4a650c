import { ImageMessageComposer as IM, type RootProps, useComposer, useDraft } from '@image-message/react';
import type { ReactNode } from 'react';
import './ChatInputBar.css';

/** An SVG, not the 📎 emoji: Linux without an emoji font (CI's chromium) draws that as an empty box. */
const paperclip = (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
  >
    <path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
  </svg>
);

/** A part's visible icon with its localized name for assistive technology, so every name stays in the contract. */
function IconLabel({ icon, label }: { icon: ReactNode; label: string }) {
  return (
    <>
      <span aria-hidden="true">{icon}</span>
      <span className="im-visually-hidden">{label}</span>
    </>
  );
}

/** The paperclip and the hint; the hint follows the drag (accept/reject) and describes the button. */
function AttachArea() {
  const { strings, ids, dropzone } = useComposer('AttachArea');
  const hint = dropzone.isDragReject
    ? strings.dropReject
    : dropzone.isDragActive
      ? strings.dropAccept
      : strings.dropHint;
  return (
    <IM.Dropzone className="chat-bar__dropzone">
      <IM.DropzoneButton className="chat-bar__attach">
        <IconLabel icon={paperclip} label={strings.addImages} />
      </IM.DropzoneButton>
      <span className="chat-bar__hint" id={ids.hint}>
        {hint}
      </span>
    </IM.Dropzone>
  );
}

/** One thumbnail: the image, a thin progress bar over its foot, and round icon buttons in its corner. */
function Thumbnail() {
  const { strings } = useComposer('Thumbnail');
  const draft = useDraft('Thumbnail');
  return (
    <>
      <IM.PreviewImage className="chat-thumb__image" />
      {/* Also the element the buttons are described by (aria-describedby), so it must be rendered. */}
      <IM.PreviewInfo className="chat-thumb__info" />
      <IM.Progress className="chat-thumb__progress" />
      {/* A cancel is not an error: its quiet note stays on the thumbnail; failures are listed below. */}
      {draft.status === 'canceled' && <IM.DraftError className="chat-thumb__note" />}
      <span className="chat-thumb__actions">
        <IM.CancelButton className="chat-thumb__button">
          <IconLabel icon="■" label={strings.cancel} />
        </IM.CancelButton>
        <IM.RetryButton className="chat-thumb__button chat-thumb__button--retry">
          <IconLabel icon="↻" label={strings.retry} />
        </IM.RetryButton>
        <IM.RemoveButton className="chat-thumb__button">
          <IconLabel icon="×" label={strings.remove} />
        </IM.RemoveButton>
      </span>
    </>
  );
}

/** Failures under the strip, where a sentence fits: `DraftError` takes the draft as a prop outside a Preview. */
function Failures() {
  const { drafts } = useComposer('Failures');
  const failed = drafts.filter((draft) => draft.status === 'failed');
  if (failed.length === 0) return null;
  return (
    <div className="chat-bar__failures">
      {failed.map((draft) => (
        <IM.DraftError key={draft.id} draft={draft} className="chat-bar__failure" />
      ))}
    </div>
  );
}

/**
 * A messenger-style input bar built from the composer's parts: a thumbnail strip above a bar with a
 * paperclip, the hint and Send. Same behaviour and accessibility contract as the stock composer.
 */
export function ChatInputBar(props: Omit<RootProps, 'children'>) {
  return (
    <IM.Root {...props} className={['chat-bar', props.className].filter(Boolean).join(' ')}>
      <IM.DropzoneInput />
      <IM.Rejections className="chat-bar__rejections" />
      <IM.Previews className="chat-bar__strip">
        {(draft) => (
          <IM.Preview key={draft.id} draft={draft} className="chat-thumb">
            <Thumbnail />
          </IM.Preview>
        )}
      </IM.Previews>
      <Failures />
      <div className="chat-bar__row">
        <AttachArea />
        <IM.SendButton className="chat-bar__send" />
      </div>
      <IM.Status />
    </IM.Root>
  );
}
