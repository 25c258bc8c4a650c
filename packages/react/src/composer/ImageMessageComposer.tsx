import { forwardRef } from 'react';
import { DescriptionField } from './parts/DescriptionField';
import { DraftAddress } from './parts/DraftAddress';
import { CancelButton, RemoveButton, RetryButton } from './parts/DraftButtons';
import { DraftError } from './parts/DraftError';
import { Dropzone } from './parts/Dropzone';
import { DropzoneButton } from './parts/DropzoneButton';
import { DropzoneInput } from './parts/DropzoneInput';
import { OriginalSwitch } from './parts/OriginalSwitch';
import { Preview } from './parts/Preview';
import { PreviewImage } from './parts/PreviewImage';
import { PreviewInfo } from './parts/PreviewInfo';
import { Previews } from './parts/Previews';
import { Progress } from './parts/Progress';
import { Rejection, Rejections } from './parts/Rejections';
import { Root, type RootProps } from './parts/Root';
import { SendButton } from './parts/SendButton';
import { Status } from './parts/Status';
import { StorageAlert } from './parts/StorageAlert';

export type ImageMessageComposerProps = Omit<RootProps, 'children'>;

const Composer = /* @__PURE__ */ forwardRef<HTMLDivElement, ImageMessageComposerProps>(
  function ImageMessageComposer(props, ref) {
    return (
      <Root {...props} ref={ref}>
        <DropzoneInput />
        <Dropzone />
        <Rejections />
        <StorageAlert />
        <Previews />
        <div className="im-composer__footer">
          <OriginalSwitch />
          <SendButton />
        </div>
        <Status />
      </Root>
    );
  },
);

/**
 * A chat composer for images: drop, pick (click, Enter or Space) or paste images, preview them, send
 * them with live progress, cancel, retry or remove. Accessible and bilingual (en-US, zh-CN); styled by
 * `@image-message/react/styles.css`. Its parts are attached for custom layouts.
 *
 * @example
 * <ImageMessageComposer receiver="bob" locale="zh-CN" onSent={(message) => console.log(message.msgID)} />
 */
export const ImageMessageComposer = /* @__PURE__ */ Object.assign(Composer, {
  Root,
  Dropzone,
  DropzoneButton,
  DropzoneInput,
  Previews,
  Preview,
  PreviewImage,
  PreviewInfo,
  Progress,
  OriginalSwitch,
  DraftError,
  DescriptionField,
  DraftAddress,
  CancelButton,
  RetryButton,
  RemoveButton,
  Rejections,
  Rejection,
  SendButton,
  Status,
  StorageAlert,
});
