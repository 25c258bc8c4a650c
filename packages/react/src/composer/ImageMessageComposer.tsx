import { forwardRef } from 'react';
// A draft's parts load with the first image; these stand for them (same props and refs).
import {
  CancelButton,
  DescriptionField,
  DraftAddress,
  DraftError,
  Preview,
  PreviewImage,
  PreviewInfo,
  Progress,
  Rejection,
  Rejections,
  RemoveButton,
  RetryButton,
} from './draftParts';
import { Dropzone } from './parts/Dropzone';
import { DropzoneButton } from './parts/DropzoneButton';
import { DropzoneInput } from './parts/DropzoneInput';
import { OriginalSwitch } from './parts/OriginalSwitch';
import { Previews } from './parts/Previews';
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
