import { formatDimensions, formatNumber, formatPercent } from './format';
import type { ImageMessageStrings, ImageMessageViewStrings } from './types';

const LOCALE = 'zh-TW';
const n = (value: number) => formatNumber(LOCALE, value);

/**
 * Traditional Chinese strings, worded as apps in Taiwan word them (傳送, 原圖, 重試), used for
 * `locale="zh-TW"` (and `zh-HK`, `zh-MO`, `zh-Hant-*`). Loaded on first use; import it from
 * `@image-message/react/locales/zh-TW` to bundle it.
 */
export const zhTW: ImageMessageStrings = {
  composerLabel: '傳送圖片',
  addImages: '新增圖片',
  dropHint: '將圖片拖放到這裡、貼上，或點選以選擇',
  dropAccept: '放開即可新增',
  dropReject: '只能傳送圖片',
  pasteHint: '也可以用 Ctrl+V / ⌘V 貼上圖片',
  send: '傳送',
  cancel: '取消',
  retry: '重試',
  remove: '移除',
  dismiss: '關閉',
  previewsLabel: '待傳送的圖片',
  progressLabel: ({ fileName }) => `正在上傳 ${fileName}`,
  progressValueText: ({ progress }) => `已上傳 ${formatPercent(LOCALE, progress)}`,
  dimensions: ({ width, height }) => formatDimensions(LOCALE, width, height),
  canceled: '已取消上傳',
  original: '原圖',
  originalHint: '以原始尺寸傳送圖片，不壓縮',
  preparingLabel: ({ fileName }) => `正在處理 ${fileName}`,
  preparing: '處理中…',
  retryTarget: ({ receiver, groupID }) =>
    receiver && groupID
      ? `重試將只傳送給 ${receiver}`
      : groupID
        ? `重試將傳送給 ${groupID} 的所有成員`
        : `重試將傳送給 ${receiver}`,
  description: {
    label: '描述這張圖片',
    hint: '讓看不到圖片的人也能了解內容（選填）',
    tooLong: ({ max, length }) => `描述最多 ${n(max)} 個字，目前為 ${n(length)} 個字。請縮短後再傳送。`,
  },
  unsaved: ({ count }) => `${n(count)} 張圖片無法儲存在此裝置上：空間不足。傳送完成前請勿關閉此頁面。`,
  errors: {
    empty: ({ fileName }) => `${fileName} 是空白檔案，請選擇其他圖片。`,
    tooLarge: ({ fileName, size, limit }) =>
      `${fileName} 的大小為 ${size}，圖片必須小於 ${limit}。請選擇較小的圖片或先壓縮。`,
    tooLargeOriginal: ({ fileName, size, limit }) =>
      `${fileName} 的原圖大小為 ${size}，圖片必須小於 ${limit}。關閉「原圖」即可傳送壓縮後的圖片。`,
    typeLimit: ({ fileName }) => `${fileName} 的格式無法傳送，請轉換為 JPEG、PNG、GIF、BMP 或 WebP。`,
    notImage: ({ fileName }) => `${fileName} 不是圖片，請選擇 JPEG、PNG、GIF、BMP 或 WebP 檔案。`,
    tooMany: ({ maxFiles }) => `一次最多只能新增 ${n(maxFiles)} 張圖片，請先傳送或移除部分圖片。`,
    invalidPath: ({ fileName }) => `${fileName} 不是本機檔案，請先儲存到裝置再新增。`,
    uploadFailed: ({ fileName }) => `${fileName} 上傳失敗，請點選「重試」。`,
    network: ({ fileName }) => `${fileName} 未傳送：網路已中斷。請恢復連線後點選「重試」。`,
    unreachable: ({ fileName }) =>
      `${fileName} 未傳送：伺服器沒有回應。請點選「重試」；若仍失敗，伺服器可能暫時無法使用。`,
    interrupted: ({ fileName }) => `${fileName} 未傳送：上傳時頁面已關閉。請點選「重試」重新傳送。`,
    timeout: ({ fileName }) => `${fileName} 上傳逾時，請點選「重試」。`,
    signedOut: ({ fileName }) => `${fileName} 未傳送：登入已失效。請重新登入後點選「重試」。`,
    notAllowed: ({ fileName }) => `${fileName} 未傳送：你目前無法在此聊天室傳送圖片。`,
    // The service's own description is English; the code lets support look the cause up.
    other: ({ fileName, code }) => `${fileName} 未傳送（錯誤代碼 ${code}）。請稍後點選「重試」。`,
  },
  announce: {
    added: ({ count }) => `已新增 ${n(count)} 張圖片`,
    rejected: ({ count }) => `${n(count)} 個檔案無法新增`,
    sent: ({ fileName }) => `${fileName} 已傳送`,
    failed: ({ fileName }) => `${fileName} 傳送失敗`,
    canceled: ({ fileName }) => `${fileName} 已取消上傳`,
    removed: ({ fileName }) => `已移除 ${fileName}`,
  },
};

/** 繁體中文 strings of `<ImageMessageView>` and its viewer. */
export const zhTWView: ImageMessageViewStrings = {
  imageName: ({ fileName, sender, self, time }) =>
    fileName ?? [self ? '我傳送' : sender && `${sender} 傳送`, time].filter(Boolean).join('，'),
  open: ({ name }) => `查看圖片 ${name}`.trim(),
  openDescribed: ({ description }) => `查看圖片：${description}`,
  uploading: ({ name }) => `正在上傳圖片 ${name}`.trim(),
  cancel: '取消上傳',
  retry: '重新傳送',
  canceled: '已取消上傳',
  failed: '未傳送',
  loadFailed: '圖片無法載入，連結可能已過期。',
  reload: '重新載入',
  original: ({ size }) => (size ? `原圖 · ${size}` : '原圖'),
  viewerLabel: ({ name }) => `圖片 ${name}`.trim(),
  counter: ({ index, count }) => `${n(index)} / ${n(count)}`,
  counterLabel: ({ index, count }) => `第 ${n(index)} 張，共 ${n(count)} 張`,
  previous: '上一張',
  next: '下一張',
  close: '關閉檢視器',
  zoomIn: '放大',
  zoomOut: '縮小',
  zoomFit: '符合螢幕',
  download: '下載原圖',
  loadingOriginal: '正在載入原圖',
};
