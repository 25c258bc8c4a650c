import { formatDimensions, formatNumber, formatPercent } from './format';
import type { ImageMessageStrings, ImageMessageViewStrings } from './types';

const LOCALE = 'ja-JP';
const n = (value: number) => formatNumber(LOCALE, value);

/**
 * Japanese strings, worded as chat apps in Japan word them (送信, オリジナル, 再送信), used for
 * `locale="ja-JP"` (and `ja`). Loaded on first use; import it from `@image-message/react/locales/ja-JP`
 * to bundle it.
 */
export const jaJP: ImageMessageStrings = {
  composerLabel: '画像を送信',
  addImages: '画像を追加',
  dropHint: 'ここに画像をドロップ、貼り付け、またはクリックして選択',
  dropAccept: 'ドロップして追加',
  dropReject: '送信できるのは画像だけです',
  pasteHint: 'Ctrl+V / ⌘V で画像を貼り付けることもできます',
  send: '送信',
  cancel: 'キャンセル',
  retry: '再送信',
  remove: '削除',
  dismiss: '閉じる',
  previewsLabel: '送信する画像',
  progressLabel: ({ fileName }) => `${fileName} をアップロード中`,
  progressValueText: ({ progress }) => `${formatPercent(LOCALE, progress)} アップロード済み`,
  dimensions: ({ width, height }) => formatDimensions(LOCALE, width, height),
  canceled: 'アップロードをキャンセルしました',
  original: 'オリジナル',
  originalHint: '写真を縮小せず、元のサイズのまま送信します',
  preparingLabel: ({ fileName }) => `${fileName} を準備中`,
  preparing: '準備中…',
  retryTarget: ({ receiver, groupID }) =>
    receiver && groupID
      ? `再送信すると ${receiver} だけに送信されます`
      : groupID
        ? `再送信すると ${groupID} の全員に送信されます`
        : `再送信すると ${receiver} に送信されます`,
  description: {
    label: 'この画像の説明',
    hint: '画像が見えない人のための説明（任意）',
    tooLong: ({ max, length }) =>
      `説明は ${n(max)} 文字までです（現在 ${n(length)} 文字）。短くしてから送信してください。`,
  },
  unsaved: ({ count }) =>
    `${n(count)} 枚の画像をこの端末に保存できません（空き容量がありません）。送信が終わるまでこのページを開いたままにしてください。`,
  errors: {
    empty: ({ fileName }) => `${fileName} は空のファイルです。別の画像を選んでください。`,
    tooLarge: ({ fileName, size, limit }) =>
      `${fileName} のサイズは ${size} です。送信できる画像は ${limit} 未満です。小さい画像を選ぶか、圧縮してください。`,
    tooLargeOriginal: ({ fileName, size, limit }) =>
      `${fileName} はオリジナルのサイズで ${size} です。送信できる画像は ${limit} 未満です。「オリジナル」をオフにすると縮小して送信できます。`,
    typeLimit: ({ fileName }) =>
      `${fileName} は送信できない形式です。JPEG、PNG、GIF、BMP、WebP のいずれかに変換してください。`,
    notImage: ({ fileName }) =>
      `${fileName} は画像ではありません。JPEG、PNG、GIF、BMP、WebP のファイルを選んでください。`,
    tooMany: ({ maxFiles }) =>
      `一度に追加できる画像は ${n(maxFiles)} 枚までです。先にいくつか送信するか削除してください。`,
    invalidPath: ({ fileName }) =>
      `${fileName} は端末内のファイルではありません。端末に保存してから追加してください。`,
    uploadFailed: ({ fileName }) =>
      `${fileName} をアップロードできませんでした。「再送信」を押してもう一度お試しください。`,
    network: ({ fileName }) =>
      `${fileName} は送信されていません：オフラインです。接続し直してから「再送信」を押してください。`,
    unreachable: ({ fileName }) =>
      `${fileName} は送信されていません：サーバーが応答しません。「再送信」を押してください。何度も失敗する場合はサーバーが停止している可能性があります。`,
    interrupted: ({ fileName }) =>
      `${fileName} は送信されていません：アップロード中にページが閉じられました。「再送信」を押すと送信します。`,
    timeout: ({ fileName }) =>
      `${fileName} のアップロードがタイムアウトしました。「再送信」を押してもう一度お試しください。`,
    signedOut: ({ fileName }) =>
      `${fileName} は送信されていません：ログアウトしています。もう一度ログインしてから「再送信」を押してください。`,
    notAllowed: ({ fileName }) =>
      `${fileName} は送信されていません：現在このトークには画像を送信できません。`,
    // The service's own description is English; the code lets support look the cause up.
    other: ({ fileName, code }) =>
      `${fileName} は送信されていません（エラーコード ${code}）。しばらくしてから「再送信」を押してください。`,
  },
  announce: {
    added: ({ count }) => `${n(count)} 枚の画像を追加しました`,
    rejected: ({ count }) => `${n(count)} 件のファイルを追加できませんでした`,
    sent: ({ fileName }) => `${fileName} を送信しました`,
    failed: ({ fileName }) => `${fileName} を送信できませんでした`,
    canceled: ({ fileName }) => `${fileName} のアップロードをキャンセルしました`,
    removed: ({ fileName }) => `${fileName} を削除しました`,
  },
};

/** Japanese strings of `<ImageMessageView>` and its viewer. */
export const jaJPView: ImageMessageViewStrings = {
  imageName: ({ fileName, sender, self, time }) =>
    fileName ?? [self ? '自分が送信' : sender && `${sender} が送信`, time].filter(Boolean).join('、'),
  open: ({ name }) => (name ? `画像 ${name} を開く` : '画像を開く'),
  openDescribed: ({ description }) => `画像を開く：${description}`,
  uploading: ({ name }) => (name ? `画像 ${name} をアップロード中` : '画像をアップロード中'),
  cancel: 'アップロードをキャンセル',
  retry: '再送信',
  canceled: 'アップロードをキャンセルしました',
  failed: '未送信',
  loadFailed: '画像を読み込めませんでした。リンクの有効期限が切れている可能性があります。',
  reload: '再読み込み',
  original: ({ size }) => (size ? `オリジナル · ${size}` : 'オリジナル'),
  viewerLabel: ({ name }) => `画像 ${name}`.trim(),
  counter: ({ index, count }) => `${n(index)} / ${n(count)}`,
  counterLabel: ({ index, count }) => `${n(count)} 枚中 ${n(index)} 枚目`,
  previous: '前の画像',
  next: '次の画像',
  close: 'ビューアを閉じる',
  zoomIn: '拡大',
  zoomOut: '縮小',
  zoomFit: '画面に合わせる',
  download: 'オリジナルをダウンロード',
  loadingOriginal: 'オリジナルを読み込み中',
};
