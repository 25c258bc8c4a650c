import { forwardRef } from 'react';
import { CancelButton, ReloadButton, RetryButton } from './parts/ActionButtons';
import { Image } from './parts/Image';
import { OpenButton } from './parts/OpenButton';
import { OriginLink } from './parts/OriginLink';
import { Overlay } from './parts/Overlay';
import { Progress } from './parts/Progress';
import { Root, type RootProps } from './parts/Root';
import { Status } from './parts/Status';
import { Viewer } from './parts/Viewer';

export type ImageMessageViewProps = Omit<RootProps, 'children'>;

const View = /* @__PURE__ */ forwardRef<HTMLDivElement, ImageMessageViewProps>(
  function ImageMessageView(props, ref) {
    return (
      <Root {...props} ref={ref}>
        <OpenButton>
          <Image />
        </OpenButton>
        <Overlay>
          <Progress />
          <Status />
          <CancelButton />
          <RetryButton />
          <ReloadButton />
        </Overlay>
        <Viewer />
      </Root>
    );
  },
);

/**
 * One image message in a conversation, sent or received. Its box has the image's aspect ratio before
 * any byte arrives, it loads the smallest variant that covers it on this screen, paints the ThumbHash
 * placeholder until then, shows one's own upload (progress, Cancel, Retry) and opens an accessible
 * viewer. Styled by `@image-message/react/styles.css` (`--im-view-*`); its parts are attached for custom
 * layouts.
 *
 * @example
 * {messages.map((message) => (
 *   <ImageMessageView key={message.id} message={message} conversation={messages} locale="zh-CN" />
 * ))}
 */
export const ImageMessageView = /* @__PURE__ */ Object.assign(View, {
  Root,
  OpenButton,
  Image,
  Overlay,
  Progress,
  Status,
  CancelButton,
  RetryButton,
  ReloadButton,
  OriginLink,
  Viewer,
});
