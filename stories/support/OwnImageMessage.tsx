import { fileToImageMessageParams } from '@image-message/core';
import { ImageMessageView, useImageMessageManager, useSendState } from '@image-message/react';
import { useEffect, useRef, useState } from 'react';

/**
 * One's own image message, created from `file` and sent to bob when it mounts, shown from the manager's
 * state (as an app's cache kept in step with the manager would show it).
 */
export function OwnImageMessage({
  file,
  locale,
  className,
}: {
  file: File;
  locale?: string;
  className?: string;
}) {
  const manager = useImageMessageManager();
  const [id, setId] = useState<string>();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const created = await manager.createImageMessage(await fileToImageMessageParams(file));
      if (!created.data) throw new Error(created.desc);
      setId(created.data.id);
      void manager.sendMessage({ id: created.data.id, receiver: 'bob' });
    })();
  }, [manager, file]);
  const send = useSendState(id);
  return send ? <ImageMessageView message={send.message} locale={locale} className={className} /> : null;
}
