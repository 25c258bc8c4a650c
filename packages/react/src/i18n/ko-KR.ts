import { formatDimensions, formatNumber, formatPercent } from './format';
import type { ImageMessageStrings, ImageMessageViewStrings } from './types';

const LOCALE = 'ko-KR';
const n = (value: number) => formatNumber(LOCALE, value);

/**
 * Korean strings, worded as chat apps in Korea word them (전송, 원본, 재전송), used for `locale="ko-KR"`
 * (and `ko`). Loaded on first use; import it from `@image-message/react/locales/ko-KR` to bundle it.
 */
export const koKR: ImageMessageStrings = {
  composerLabel: '이미지 보내기',
  addImages: '이미지 추가',
  dropHint: '이미지를 여기에 끌어다 놓거나 붙여넣거나 클릭해서 선택하세요',
  dropAccept: '놓으면 추가됩니다',
  dropReject: '이미지만 보낼 수 있습니다',
  pasteHint: 'Ctrl+V / ⌘V로 이미지를 붙여넣을 수도 있습니다',
  send: '전송',
  cancel: '취소',
  retry: '재전송',
  remove: '삭제',
  dismiss: '닫기',
  previewsLabel: '보낼 이미지',
  progressLabel: ({ fileName }) => `${fileName} 업로드 중`,
  progressValueText: ({ progress }) => `${formatPercent(LOCALE, progress)} 업로드됨`,
  dimensions: ({ width, height }) => formatDimensions(LOCALE, width, height),
  canceled: '업로드가 취소되었습니다',
  original: '원본',
  originalHint: '사진을 줄이지 않고 원본 크기 그대로 보냅니다',
  preparingLabel: ({ fileName }) => `${fileName} 준비 중`,
  preparing: '준비 중…',
  retryTarget: ({ receiver, groupID }) =>
    receiver && groupID
      ? `재전송하면 ${receiver}님에게만 보냅니다`
      : groupID
        ? `재전송하면 ${groupID}의 모든 멤버에게 보냅니다`
        : `재전송하면 ${receiver}님에게 보냅니다`,
  description: {
    label: '이미지 설명',
    hint: '이미지를 볼 수 없는 분들을 위한 설명(선택)',
    tooLong: ({ max, length }) =>
      `설명은 최대 ${n(max)}자까지 쓸 수 있습니다. 지금은 ${n(length)}자입니다. 줄인 후 보내세요.`,
  },
  unsaved: ({ count }) =>
    `이미지 ${n(count)}장을 이 기기에 저장할 수 없습니다. 저장 공간이 부족합니다. 전송이 끝날 때까지 이 페이지를 닫지 마세요.`,
  errors: {
    empty: ({ fileName }) => `${fileName}은(는) 빈 파일입니다. 다른 이미지를 선택하세요.`,
    tooLarge: ({ fileName, size, limit }) =>
      `${fileName}의 크기는 ${size}입니다. 이미지는 ${limit}보다 작아야 합니다. 더 작은 이미지를 선택하거나 압축하세요.`,
    tooLargeOriginal: ({ fileName, size, limit }) =>
      `${fileName}의 원본 크기는 ${size}입니다. 이미지는 ${limit}보다 작아야 합니다. '원본'을 끄면 크기를 줄여서 보낼 수 있습니다.`,
    typeLimit: ({ fileName }) =>
      `${fileName}은(는) 보낼 수 없는 형식입니다. JPEG, PNG, GIF, BMP 또는 WebP로 변환하세요.`,
    notImage: ({ fileName }) =>
      `${fileName}은(는) 이미지가 아닙니다. JPEG, PNG, GIF, BMP 또는 WebP 파일을 선택하세요.`,
    tooMany: ({ maxFiles }) =>
      `한 번에 최대 ${n(maxFiles)}장까지 추가할 수 있습니다. 먼저 몇 장을 보내거나 삭제하세요.`,
    invalidPath: ({ fileName }) =>
      `${fileName}은(는) 기기에 있는 파일이 아닙니다. 기기에 저장한 후 추가하세요.`,
    uploadFailed: ({ fileName }) =>
      `${fileName}을(를) 업로드하지 못했습니다. '재전송'을 눌러 다시 시도하세요.`,
    network: ({ fileName }) =>
      `${fileName}을(를) 보내지 못했습니다. 오프라인 상태입니다. 다시 연결한 후 '재전송'을 누르세요.`,
    unreachable: ({ fileName }) =>
      `${fileName}을(를) 보내지 못했습니다. 서버가 응답하지 않습니다. '재전송'을 누르세요. 계속 실패하면 서버에 문제가 있을 수 있습니다.`,
    interrupted: ({ fileName }) =>
      `${fileName}을(를) 보내지 못했습니다. 업로드 중에 페이지가 닫혔습니다. '재전송'을 눌러 보내세요.`,
    timeout: ({ fileName }) => `${fileName} 업로드 시간이 초과되었습니다. '재전송'을 눌러 다시 시도하세요.`,
    signedOut: ({ fileName }) =>
      `${fileName}을(를) 보내지 못했습니다. 로그아웃되었습니다. 다시 로그인한 후 '재전송'을 누르세요.`,
    notAllowed: ({ fileName }) =>
      `${fileName}을(를) 보내지 못했습니다. 지금은 이 채팅방에 이미지를 보낼 수 없습니다.`,
    // The service's own description is English; the code lets support look the cause up.
    other: ({ fileName, code }) =>
      `${fileName}을(를) 보내지 못했습니다(오류 코드 ${code}). 잠시 후 '재전송'을 누르세요.`,
  },
  announce: {
    added: ({ count }) => `이미지 ${n(count)}장 추가됨`,
    rejected: ({ count }) => `파일 ${n(count)}개를 추가하지 못함`,
    sent: ({ fileName }) => `${fileName} 전송됨`,
    failed: ({ fileName }) => `${fileName} 전송 실패`,
    canceled: ({ fileName }) => `${fileName} 업로드 취소됨`,
    removed: ({ fileName }) => `${fileName} 삭제됨`,
  },
};

/** Korean strings of `<ImageMessageView>` and its viewer. */
export const koKRView: ImageMessageViewStrings = {
  imageName: ({ fileName, sender, self, time }) =>
    fileName ?? [self ? '내가 보냄' : sender && `${sender}님이 보냄`, time].filter(Boolean).join(', '),
  open: ({ name }) => (name ? `이미지 열기: ${name}` : '이미지 열기'),
  openDescribed: ({ description }) => `이미지 열기: ${description}`,
  uploading: ({ name }) => (name ? `이미지 업로드 중: ${name}` : '이미지 업로드 중'),
  cancel: '업로드 취소',
  retry: '재전송',
  canceled: '업로드가 취소되었습니다',
  failed: '전송되지 않음',
  loadFailed: '이미지를 불러오지 못했습니다. 링크가 만료되었을 수 있습니다.',
  reload: '다시 불러오기',
  original: ({ size }) => (size ? `원본 · ${size}` : '원본'),
  viewerLabel: ({ name }) => `이미지 ${name}`.trim(),
  counter: ({ index, count }) => `${n(index)} / ${n(count)}`,
  counterLabel: ({ index, count }) => `이미지 ${n(count)}장 중 ${n(index)}번째`,
  previous: '이전 이미지',
  next: '다음 이미지',
  close: '뷰어 닫기',
  zoomIn: '확대',
  zoomOut: '축소',
  zoomFit: '화면에 맞추기',
  download: '원본 다운로드',
  loadingOriginal: '원본 불러오는 중',
};
