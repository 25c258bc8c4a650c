// `@image-message/core/codes`: every `ErrorCode` member as a constant of its own, so a bundle keeps only
// the codes it reads (the react and Tencent packages import them from here).
export * from './errorCodes';
