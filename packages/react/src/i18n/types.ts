/** Values a rejection or failure text can use. */
export interface MessageParams {
  fileName: string;
  /** The effective byte limit, formatted ("28 MB"). */
  limit: string;
  /** The file's size, formatted. */
  size: string;
  /** `maxFiles`. */
  maxFiles: number;
  /** The English description from core, for codes without a text of their own. */
  desc: string;
  /** The result's code, for texts that quote it (a support person can look it up). */
  code: number;
}

/**
 * Every string the composer shows or announces. Override any of them with the composer's `messages` prop;
 * texts that depend on the situation are functions.
 */
export interface ImageMessageStrings {
  composerLabel: string;
  /** Name of the drop zone and of the file input. */
  addImages: string;
  dropHint: string;
  dropAccept: string;
  dropReject: string;
  pasteHint: string;
  send: string;
  cancel: string;
  retry: string;
  remove: string;
  dismiss: string;
  previewsLabel: string;
  /** Accessible name of a draft's progress bar. */
  progressLabel: (p: { fileName: string }) => string;
  progressValueText: (p: { progress: number }) => string;
  dimensions: (p: { width: number; height: number }) => string;
  canceled: string;
  /** The switch that sends photos at full size (no downscaling), and what it does. */
  original: string;
  originalHint: string;
  /** Accessible name of a draft's busy bar while its photo is prepared. */
  preparingLabel: (p: { fileName: string }) => string;
  /** Shown instead of the dimensions while a photo is prepared. */
  preparing: string;
  /** On a draft whose send failed or was interrupted: where Retry sends it (the address the user chose). */
  retryTarget: (p: { receiver?: string; groupID?: string }) => string;
  /** An alert when drafts cannot be kept across a reload (storage full or over a cap). */
  unsaved: (p: { count: number }) => string;
  /** The draft's description (alt text) field. */
  description: { label: string; hint: string; tooLong: (p: { max: number; length: number }) => string };
  /**
   * Texts for rejections and failures, one per `errorCategory` (core's classification of every service's
   * codes; `canceled` reads `canceled`); they must say what to do.
   */
  errors: {
    empty: (p: MessageParams) => string;
    tooLarge: (p: MessageParams) => string;
    /** Over the limit as Original (full size): say to turn Original off. */
    tooLargeOriginal: (p: MessageParams) => string;
    typeLimit: (p: MessageParams) => string;
    notImage: (p: MessageParams) => string;
    tooMany: (p: MessageParams) => string;
    invalidPath: (p: MessageParams) => string;
    uploadFailed: (p: MessageParams) => string;
    network: (p: MessageParams) => string;
    /** Online, but the server did not answer (down, moved, or blocked by CORS). */
    unreachable: (p: MessageParams) => string;
    /** The page closed (reload, crash) while it was sending; it came back for Retry. */
    interrupted: (p: MessageParams) => string;
    timeout: (p: MessageParams) => string;
    /** The session ended or never began (`signedOut`: 6014, Tencent's 2024, 3001–3006…): sign in again. */
    signedOut: (p: MessageParams) => string;
    /** No permission, muted, blocked or not friends (`notAllowed`: 10007, 10017, 20007, 20009–20012…). */
    notAllowed: (p: MessageParams) => string;
    /** Any other code: usually the service's own description. */
    other: (p: MessageParams) => string;
  };
  /** Polite live-region announcements. */
  announce: {
    added: (p: { count: number }) => string;
    rejected: (p: { count: number }) => string;
    sent: (p: { fileName: string }) => string;
    failed: (p: { fileName: string }) => string;
    canceled: (p: { fileName: string }) => string;
    removed: (p: { fileName: string }) => string;
  };
}

/** What names an image in the view's controls: its file name, else who sent it and when. */
export interface ImageNameParams {
  /** The file name, when the message still has it (a local path, not a URL). */
  fileName?: string;
  /** The sender's nickname or ID (undefined for one's own message). */
  sender?: string;
  /** True for the viewer's own message. */
  self: boolean;
  /** The send time, formatted for the locale ("10:42"). */
  time?: string;
}

/**
 * The strings of `<ImageMessageView>` and its viewer: a table of their own (`enUSView`, `zhCNView`), so an
 * app that only sends does not ship them. Override them with the view's `messages={{ view: { … } }}`.
 */
export interface ImageMessageViewStrings {
  /** How controls name one image ("beach.jpg", "from Alice, 10:42"). */
  imageName: (p: ImageNameParams) => string;
  /** The button around the image that opens the viewer. */
  open: (p: { name: string }) => string;
  /** The same button when the sender described the image: its description names it. */
  openDescribed: (p: { description: string }) => string;
  /** The upload progress of one's own image. */
  uploading: (p: { name: string }) => string;
  cancel: string;
  retry: string;
  /** Shown on a canceled send (the user's own doing, not an error). */
  canceled: string;
  failed: string;
  /** A load that failed (404, expired link): what happened and what to do. */
  loadFailed: string;
  reload: string;
  /** The link to the original file, with its size when known ("Original · 2.4 MB"). */
  original: (p: { size?: string }) => string;
  /** The viewer dialog's name. */
  viewerLabel: (p: { name: string }) => string;
  /** The visible counter ("3 / 12") and what it reads as. */
  counter: (p: { index: number; count: number }) => string;
  counterLabel: (p: { index: number; count: number }) => string;
  previous: string;
  next: string;
  close: string;
  zoomIn: string;
  zoomOut: string;
  zoomFit: string;
  download: string;
  /** The progress bar over the LARGE variant while the ORIGIN loads. */
  loadingOriginal: string;
}

export type ImageMessageLocale = 'en-US' | 'zh-CN';

/** A partial override: top-level strings, and any of `errors` / `announce` one by one. */
export type ImageMessageStringsOverride = Partial<Omit<ImageMessageStrings, 'errors' | 'announce'>> & {
  errors?: Partial<ImageMessageStrings['errors']>;
  announce?: Partial<ImageMessageStrings['announce']>;
  /** `<ImageMessageView>`'s strings. */
  view?: Partial<ImageMessageViewStrings>;
};
