/**
 * The same story in another language or theme: spread into a story (`{ ...zhCNDark, play }`). The theme is
 * the toolbar's global (see .storybook/preview.tsx), set for that story, so its test runs it that way too.
 */
export const enUSDark = { globals: { theme: 'dark' } };
export const zhCNLight = { args: { locale: 'zh-CN' } };
export const zhCNDark = { args: { locale: 'zh-CN' }, globals: { theme: 'dark' } };

/** Texts a play function looks for, per locale (the library's own tables are what is under test). */
export const TEXTS = {
  'en-US': {
    addImages: 'Add images',
    send: 'Send',
    retry: 'Retry',
    original: 'Original',
    originalHint: 'Send photos at full size, without making them smaller',
    preparing: (fileName: string) => `Preparing ${fileName}`,
    tooLargeOriginal: (fileName: string, size: string) =>
      `${fileName} is ${size} at full size; images must be smaller than 28 MB. Turn Original off to send it smaller.`,
    unsaved: (count: number) =>
      count === 1
        ? "1 image isn't saved on this device: there is no room for it. Keep this page open until it's sent."
        : `${count} images aren't saved on this device: there is no room for them. Keep this page open until they're sent.`,
    interrupted: (fileName: string) =>
      `${fileName} wasn't sent: the page closed while it was uploading. Press Retry to send it.`,
  },
  'zh-CN': {
    addImages: '添加图片',
    send: '发送',
    retry: '重试',
    original: '原图',
    originalHint: '以原始尺寸发送图片，不压缩',
    preparing: (fileName: string) => `正在处理 ${fileName}`,
    tooLargeOriginal: (fileName: string, size: string) =>
      `${fileName} 原图大小为 ${size}，图片须小于 28 MB。关闭“原图”即可发送压缩后的图片。`,
    unsaved: (count: number) =>
      `${count} 张图片无法保存在此设备上：没有足够的空间。发送完成前请不要关闭此页面。`,
    interrupted: (fileName: string) => `${fileName} 未发送：上传时页面已关闭。请点击“重试”重新发送。`,
  },
} as const;

/** The texts for a story's `locale` arg (en-US unless it is a `zh*` tag, as the composer decides). */
export const textsFor = (locale: unknown) => TEXTS[String(locale ?? '').startsWith('zh') ? 'zh-CN' : 'en-US'];
