import { formatBytes, type V2TimMessage } from '@image-message/core';
import { type AnchorHTMLAttributes, forwardRef, useContext } from 'react';
import { cx } from '../../composer/parts/cx';
import { enUSView } from '../../i18n/en-US';
import { useLocaleTable } from '../../i18n/loadLocale';
import type { ImageMessageLocale } from '../../i18n/types';
import { originOf } from '../imageOfMessage';
import { ImageMessageViewContext } from '../ViewContext';

export interface OriginLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  /** Outside `<ImageMessageView.Root>`: the message whose original to link. */
  message?: V2TimMessage;
  locale?: ImageMessageLocale | (string & {});
}

/**
 * A link to the ORIGIN file ("Original · 2.4 MB" / "原图 · 2.4 MB"), for a message line or caption.
 * Works inside `<ImageMessageView.Root>` or on its own with a `message`; renders nothing until the
 * message has an ORIGIN url (a send in progress has none).
 */
export const OriginLink = /* @__PURE__ */ forwardRef<HTMLAnchorElement, OriginLinkProps>(function OriginLink(
  { message: messageProp, locale, className, children, ...props },
  ref,
) {
  const view = useContext(ImageMessageViewContext);
  const own = useLocaleTable(locale ?? view?.localeTag, 'view', enUSView);
  const message = messageProp ?? view?.message;
  if (!message)
    throw new Error('<ImageMessageView.OriginLink> needs a message prop outside <ImageMessageView.Root>.');
  const origin = originOf(message);
  if (!origin?.url) return null;
  const strings = locale || !view ? own.table : view.strings;
  return (
    <a
      href={origin.url}
      target="_blank"
      rel="noreferrer"
      {...props}
      ref={ref}
      className={cx('im-view-origin', className)}
    >
      {children ??
        strings.original({ size: origin.size ? formatBytes(origin.size, 'down', own.locale) : undefined })}
    </a>
  );
});
