import type { ImageMessageStrings, ImageMessageViewStrings } from './types';

/**
 * Simplified Chinese strings, used for `locale="zh-CN"` (and any `zh*` tag).
 *
 * @example <ImageMessageComposer locale="zh-CN" messages={{ send: '发出' }} />
 */
export const zhCN: ImageMessageStrings = {
  composerLabel: '发送图片',
  addImages: '添加图片',
  dropHint: '拖放图片到这里、粘贴，或点击选择',
  dropAccept: '松开即可添加',
  dropReject: '只能发送图片',
  pasteHint: '也可以用 Ctrl+V / ⌘V 粘贴图片',
  send: '发送',
  cancel: '取消',
  retry: '重试',
  remove: '移除',
  dismiss: '关闭',
  previewsLabel: '待发送的图片',
  progressLabel: ({ fileName }) => `正在上传 ${fileName}`,
  progressValueText: ({ progress }) => `已上传 ${progress}%`,
  dimensions: ({ width, height }) => `${width} × ${height}`,
  canceled: '已取消上传',
  original: '原图',
  originalHint: '以原始尺寸发送图片，不压缩',
  preparingLabel: ({ fileName }) => `正在处理 ${fileName}`,
  preparing: '处理中…',
  retryTarget: ({ receiver, groupID }) =>
    receiver && groupID
      ? `重试将仅发给 ${receiver}`
      : groupID
        ? `重试将发给 ${groupID} 的所有人`
        : `重试将发给 ${receiver}`,
  unsaved: ({ count }) => `${count} 张图片无法保存在此设备上：没有足够的空间。发送完成前请不要关闭此页面。`,
  description: {
    label: '描述这张图片',
    hint: '供无法看到图片的人了解（可选）',
    tooLong: ({ max, length }) => `描述最多 ${max} 个字符，当前 ${length} 个。请缩短后再发送。`,
  },
  errors: {
    empty: ({ fileName }) => `${fileName} 是空文件，请选择其他图片。`,
    tooLarge: ({ fileName, size, limit }) =>
      `${fileName} 大小为 ${size}，图片须小于 ${limit}。请选择更小的图片或先压缩。`,
    tooLargeOriginal: ({ fileName, size, limit }) =>
      `${fileName} 原图大小为 ${size}，图片须小于 ${limit}。关闭“原图”即可发送压缩后的图片。`,
    typeLimit: ({ fileName }) => `${fileName} 的格式无法发送，请转换为 JPEG、PNG、GIF、BMP 或 WebP。`,
    notImage: ({ fileName }) => `${fileName} 不是图片，请选择 JPEG、PNG、GIF、BMP 或 WebP 文件。`,
    tooMany: ({ maxFiles }) => `一次最多添加 ${maxFiles} 张图片，请先发送或移除一些。`,
    invalidPath: ({ fileName }) => `${fileName} 不是本地文件，请先保存到设备再添加。`,
    uploadFailed: ({ fileName }) => `${fileName} 上传失败，请点击“重试”。`,
    network: ({ fileName }) => `${fileName} 未发送：网络已断开。请恢复网络后点击“重试”。`,
    unreachable: ({ fileName }) =>
      `${fileName} 未发送：服务器没有响应。请点击“重试”；若仍失败，服务器可能暂时不可用。`,
    interrupted: ({ fileName }) => `${fileName} 未发送：上传时页面已关闭。请点击“重试”重新发送。`,
    timeout: ({ fileName }) => `${fileName} 上传超时，请点击“重试”。`,
    signedOut: ({ fileName }) => `${fileName} 未发送：登录已失效。请重新登录后点击“重试”。`,
    notAllowed: ({ fileName }) => `${fileName} 未发送：你目前无法在此会话中发送图片。`,
    // The service's own description is English; the code lets support look the cause up.
    other: ({ fileName, code }) => `${fileName} 未发送（错误码 ${code}）。请稍后点击“重试”。`,
  },
  announce: {
    added: ({ count }) => `已添加 ${count} 张图片`,
    rejected: ({ count }) => `${count} 个文件无法添加`,
    sent: ({ fileName }) => `${fileName} 已发送`,
    failed: ({ fileName }) => `${fileName} 发送失败`,
    canceled: ({ fileName }) => `${fileName} 已取消上传`,
    removed: ({ fileName }) => `已移除 ${fileName}`,
  },
};

/**
 * `<ImageMessageView>` 及其查看器的简体中文文案 (Simplified Chinese strings of the view and its viewer).
 *
 * @example <ImageMessageView message={message} messages={{ view: { reload: 'Try again' } }} />
 */
export const zhCNView: ImageMessageViewStrings = {
  imageName: ({ fileName, sender, self, time }) =>
    fileName ?? [self ? '我发送' : sender && `${sender} 发送`, time].filter(Boolean).join('，'),
  open: ({ name }) => `查看图片 ${name}`.trim(),
  openDescribed: ({ description }) => `查看图片：${description}`,
  uploading: ({ name }) => `正在上传图片 ${name}`.trim(),
  cancel: '取消上传',
  retry: '重新发送',
  canceled: '已取消上传',
  failed: '未发送',
  loadFailed: '图片加载失败，链接可能已过期。',
  reload: '重新加载',
  original: ({ size }) => (size ? `原图 · ${size}` : '原图'),
  viewerLabel: ({ name }) => `图片 ${name}`.trim(),
  counter: ({ index, count }) => `${index} / ${count}`,
  counterLabel: ({ index, count }) => `第 ${index} 张，共 ${count} 张`,
  previous: '上一张',
  next: '下一张',
  close: '关闭查看器',
  zoomIn: '放大',
  zoomOut: '缩小',
  zoomFit: '适应屏幕',
  download: '下载原图',
  loadingOriginal: '正在加载原图',
};
