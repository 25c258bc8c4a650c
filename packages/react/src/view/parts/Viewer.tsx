import { Suspense } from 'react';
import { createPortal } from 'react-dom';
import { useImageMessageView } from '../ViewContext';
import type { ImageViewerProps } from '../viewer/ImageViewer';
import { LazyImageViewer } from '../viewer/LazyImageViewer';

export type ViewerProps = Partial<Pick<ImageViewerProps, 'className'>>;

/**
 * The full-screen viewer of the enclosing view while it is open: a modal `<dialog>` (its code loads on
 * first use), rendered into `document.body`. Focus returns to the open button when it closes.
 */
export function Viewer({ className }: ViewerProps) {
  const view = useImageMessageView('Viewer');
  if (!view.viewerOpen || typeof document === 'undefined') return null;
  return createPortal(
    <Suspense fallback={null}>
      <LazyImageViewer
        className={className}
        messages={view.gallery}
        startIndex={view.galleryIndex}
        strings={view.strings}
        nameOf={view.nameOf}
        onClose={() => {
          view.closeViewer();
          view.openerRef.current?.focus();
        }}
      />
    </Suspense>,
    document.body,
  );
}
