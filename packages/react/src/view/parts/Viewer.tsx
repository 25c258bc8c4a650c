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
/** The direction the text runs where `element` is. */
const directionAt = (element: Element | null) =>
  element && getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';

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
        lang={view.localeTag}
        // The view's own direction, else the page's where the view is (any ancestor's dir="rtl").
        dir={view.dir ?? directionAt(view.openerRef.current)}
        onClose={() => {
          view.closeViewer();
          view.openerRef.current?.focus();
        }}
      />
    </Suspense>,
    document.body,
  );
}
