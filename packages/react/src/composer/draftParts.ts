import { lazyPart, type PartsChunk } from './lazyPart';
import type { DescriptionFieldProps } from './parts/DescriptionField';
import type { DraftAddressProps } from './parts/DraftAddress';
import type { DraftButtonProps } from './parts/DraftButtons';
import type { DraftErrorProps } from './parts/DraftError';
import type { PreviewProps } from './parts/Preview';
import type { PreviewImageProps } from './parts/PreviewImage';
import type { PreviewInfoProps } from './parts/PreviewInfo';
import type { ProgressProps } from './parts/Progress';
import type { RejectionProps, RejectionsProps } from './parts/Rejections';

type DraftParts = typeof import('./parts/draftParts');
let loading: Promise<DraftParts> | undefined;
let loaded: DraftParts | undefined;
let failure: unknown;

/** The draft parts' chunk: the composer starts loading it when files are added; once, then the same promise. */
export const draftParts: PartsChunk<DraftParts> = {
  load() {
    loading ??= import('./parts/draftParts').then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        // The parts waiting on it throw it (for the app's error boundary); the next added file tries again.
        loading = undefined;
        failure = error;
        throw error;
      },
    );
    return loading;
  },
  loaded: () => loaded,
  failure: () => (loading ? undefined : failure),
};

// Each keeps the props and ref of the part it stands for; `ImageMessageComposer.Preview` & co. are these.
export const Preview = /* @__PURE__ */ lazyPart<DraftParts, PreviewProps, HTMLLIElement>(
  'Preview',
  draftParts,
  (parts) => parts.Preview,
);
export const PreviewImage = /* @__PURE__ */ lazyPart<DraftParts, PreviewImageProps, HTMLImageElement>(
  'PreviewImage',
  draftParts,
  (parts) => parts.PreviewImage,
);
export const PreviewInfo = /* @__PURE__ */ lazyPart<DraftParts, PreviewInfoProps, HTMLSpanElement>(
  'PreviewInfo',
  draftParts,
  (parts) => parts.PreviewInfo,
);
export const Progress = /* @__PURE__ */ lazyPart<DraftParts, ProgressProps, HTMLDivElement>(
  'Progress',
  draftParts,
  (parts) => parts.Progress,
);
export const DraftError = /* @__PURE__ */ lazyPart<DraftParts, DraftErrorProps, HTMLParagraphElement>(
  'DraftError',
  draftParts,
  (parts) => parts.DraftError,
);
export const DraftAddress = /* @__PURE__ */ lazyPart<DraftParts, DraftAddressProps, HTMLParagraphElement>(
  'DraftAddress',
  draftParts,
  (parts) => parts.DraftAddress,
);
export const DescriptionField = /* @__PURE__ */ lazyPart<DraftParts, DescriptionFieldProps, HTMLDivElement>(
  'DescriptionField',
  draftParts,
  (parts) => parts.DescriptionField,
);
export const CancelButton = /* @__PURE__ */ lazyPart<DraftParts, DraftButtonProps, HTMLButtonElement>(
  'CancelButton',
  draftParts,
  (parts) => parts.CancelButton,
);
export const RetryButton = /* @__PURE__ */ lazyPart<DraftParts, DraftButtonProps, HTMLButtonElement>(
  'RetryButton',
  draftParts,
  (parts) => parts.RetryButton,
);
export const RemoveButton = /* @__PURE__ */ lazyPart<DraftParts, DraftButtonProps, HTMLButtonElement>(
  'RemoveButton',
  draftParts,
  (parts) => parts.RemoveButton,
);
export const Rejections = /* @__PURE__ */ lazyPart<DraftParts, RejectionsProps, HTMLUListElement>(
  'Rejections',
  draftParts,
  (parts) => parts.Rejections,
);
export const Rejection = /* @__PURE__ */ lazyPart<DraftParts, RejectionProps, HTMLLIElement>(
  'Rejection',
  draftParts,
  (parts) => parts.Rejection,
);
