// The parts of one draft, and of a file refused, in one chunk that loads with the first file added (see
// ../draftParts.ts): an app's first load carries only the composer's frame (drop zone, Send, Original,
// status, storage alert).
export { DescriptionField } from './DescriptionField';
export { DraftAddress } from './DraftAddress';
export { CancelButton, RemoveButton, RetryButton } from './DraftButtons';
export { DraftError } from './DraftError';
export { Preview } from './Preview';
export { PreviewImage } from './PreviewImage';
export { PreviewInfo } from './PreviewInfo';
export { Progress } from './Progress';
export { Rejection, Rejections } from './Rejections';
