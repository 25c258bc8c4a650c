import { formatDimensions, formatNumber, formatPercent, isolate as i, pluralOf } from './format';
import type { ImageMessageStrings, ImageMessageViewStrings } from './types';

const LOCALE = 'ar';
const n = (value: number) => formatNumber(LOCALE, value);

/**
 * A count of a noun in each of Arabic's plural forms, in the oblique case every sentence here uses
 * ("إضافة صورتين", "١٠ صور", "١١ صورة").
 */
const counted =
  (forms: { one: string; two: string; few: string; many: string }) =>
  (count: number): string => {
    switch (pluralOf(LOCALE, count)) {
      case 'one':
        return forms.one;
      case 'two':
        return forms.two;
      case 'few':
        return `${n(count)} ${forms.few}`;
      default:
        return `${n(count)} ${forms.many}`;
    }
  };
const images = counted({ one: 'صورة واحدة', two: 'صورتين', few: 'صور', many: 'صورة' });
const files = counted({ one: 'ملف واحد', two: 'ملفين', few: 'ملفات', many: 'ملف' });

/**
 * Arabic strings, right to left, worded as Arabic chat apps word them (إرسال, إعادة المحاولة, الحجم
 * الأصلي), used for `locale="ar"` (and every `ar-*` tag). Names, file names and sizes are isolated
 * (U+2068…U+2069) so a Latin name keeps the sentence's punctuation in place. Loaded on first use; import it
 * from `@image-message/react/locales/ar` to bundle it.
 */
export const ar: ImageMessageStrings = {
  composerLabel: 'إرسال الصور',
  addImages: 'إضافة صور',
  dropHint: 'أفلِت الصور هنا أو الصقها أو انقر لاختيارها',
  dropAccept: 'أفلِت للإضافة',
  dropReject: 'يمكن إرسال الصور فقط',
  pasteHint: 'يمكنك أيضًا لصق الصور باستخدام Ctrl+V / ⌘V',
  send: 'إرسال',
  cancel: 'إلغاء',
  retry: 'إعادة المحاولة',
  remove: 'إزالة',
  dismiss: 'إغلاق',
  previewsLabel: 'الصور المراد إرسالها',
  progressLabel: ({ fileName }) => `جارٍ رفع ${i(fileName)}`,
  progressValueText: ({ progress }) => `تم رفع ${formatPercent(LOCALE, progress)}`,
  // Width × height read left to right, as they do in Arabic apps (a left-to-right isolate).
  dimensions: ({ width, height }) => `\u2066${formatDimensions(LOCALE, width, height)}\u2069`,
  canceled: 'تم إلغاء الرفع',
  original: 'الحجم الأصلي',
  originalHint: 'إرسال الصور بحجمها الكامل دون تصغيرها',
  preparingLabel: ({ fileName }) => `جارٍ تجهيز ${i(fileName)}`,
  preparing: 'جارٍ التجهيز…',
  retryTarget: ({ receiver = '', groupID = '' }) =>
    receiver && groupID
      ? `عند إعادة المحاولة تُرسَل إلى ${i(receiver)} فقط`
      : groupID
        ? `عند إعادة المحاولة تُرسَل إلى جميع أعضاء ${i(groupID)}`
        : `عند إعادة المحاولة تُرسَل إلى ${i(receiver)}`,
  description: {
    label: 'صِف هذه الصورة',
    hint: 'لمن لا يستطيع رؤيتها (اختياري)',
    tooLong: ({ max, length }) =>
      `الحد الأقصى للوصف ${n(max)} حرف، وطول هذا الوصف ${n(length)}. اختصره لإرساله.`,
  },
  unsaved: ({ count }) =>
    `تعذّر حفظ ${images(count)} على هذا الجهاز لعدم توفر مساحة كافية. أبقِ هذه الصفحة مفتوحة حتى يكتمل الإرسال.`,
  errors: {
    empty: ({ fileName }) => `الملف ${i(fileName)} فارغ. اختر صورة أخرى.`,
    tooLarge: ({ fileName, size, limit }) =>
      `حجم ${i(fileName)} هو ${i(size)}، ويجب أن يكون حجم الصورة أقل من ${i(limit)}. اختر صورة أصغر أو اضغطها.`,
    tooLargeOriginal: ({ fileName, size, limit }) =>
      `حجم ${i(fileName)} الأصلي هو ${i(size)}، ويجب أن يكون حجم الصورة أقل من ${i(limit)}. أوقِف «الحجم الأصلي» لإرسالها بحجم أصغر.`,
    typeLimit: ({ fileName }) =>
      `لا يمكن إرسال ${i(fileName)} بصيغته الحالية. حوّله إلى JPEG أو PNG أو GIF أو BMP أو WebP.`,
    notImage: ({ fileName }) => `${i(fileName)} ليس صورة. اختر ملف JPEG أو PNG أو GIF أو BMP أو WebP.`,
    tooMany: ({ maxFiles }) =>
      `يمكنك إضافة ${images(maxFiles)} كحد أقصى في المرة الواحدة. أرسل بعضها أو أزِلها أولًا.`,
    invalidPath: ({ fileName }) => `${i(fileName)} ليس ملفًا على جهازك. احفظه على جهازك ثم أضِفه.`,
    uploadFailed: ({ fileName }) => `تعذّر رفع ${i(fileName)}. اضغط «إعادة المحاولة» للمحاولة مرة أخرى.`,
    network: ({ fileName }) =>
      `لم يُرسَل ${i(fileName)}: أنت غير متصل بالإنترنت. أعِد الاتصال ثم اضغط «إعادة المحاولة».`,
    unreachable: ({ fileName }) =>
      `لم يُرسَل ${i(fileName)}: لم يستجب الخادم. اضغط «إعادة المحاولة»، وإذا تكرر الفشل فقد يكون الخادم متوقفًا.`,
    interrupted: ({ fileName }) =>
      `لم يُرسَل ${i(fileName)}: أُغلقت الصفحة أثناء الرفع. اضغط «إعادة المحاولة» لإرساله.`,
    timeout: ({ fileName }) => `انتهت مهلة رفع ${i(fileName)}. اضغط «إعادة المحاولة» للمحاولة مرة أخرى.`,
    signedOut: ({ fileName }) =>
      `لم يُرسَل ${i(fileName)}: تم تسجيل خروجك. سجّل الدخول مرة أخرى ثم اضغط «إعادة المحاولة».`,
    notAllowed: ({ fileName }) => `لم يُرسَل ${i(fileName)}: لا يمكنك إرسال الصور إلى هذه المحادثة حاليًا.`,
    // The service's own description is English; the code lets support look the cause up.
    other: ({ fileName, code }) =>
      `لم يُرسَل ${i(fileName)} (رمز الخطأ ${i(String(code))}). اضغط «إعادة المحاولة» بعد قليل.`,
  },
  announce: {
    added: ({ count }) => `تمت إضافة ${images(count)}`,
    rejected: ({ count }) => `تعذّرت إضافة ${files(count)}`,
    sent: ({ fileName }) => `تم إرسال ${i(fileName)}`,
    failed: ({ fileName }) => `تعذّر إرسال ${i(fileName)}`,
    canceled: ({ fileName }) => `تم إلغاء رفع ${i(fileName)}`,
    removed: ({ fileName }) => `تمت إزالة ${i(fileName)}`,
  },
};

/** Arabic strings of `<ImageMessageView>` and its viewer. */
export const arView: ImageMessageViewStrings = {
  imageName: ({ fileName, sender, self, time }) =>
    fileName ?? [self ? 'أرسلتها أنت' : sender && `من ${i(sender)}`, time].filter(Boolean).join('، '),
  open: ({ name }) => (name ? `فتح الصورة ${i(name)}` : 'فتح الصورة'),
  openDescribed: ({ description }) => `فتح الصورة: ${i(description)}`,
  uploading: ({ name }) => (name ? `جارٍ رفع الصورة ${i(name)}` : 'جارٍ رفع الصورة'),
  cancel: 'إلغاء الرفع',
  retry: 'إعادة الإرسال',
  canceled: 'تم إلغاء الرفع',
  failed: 'لم تُرسَل',
  loadFailed: 'تعذّر تحميل الصورة. ربما انتهت صلاحية رابطها.',
  reload: 'إعادة التحميل',
  original: ({ size }) => (size ? `الصورة الأصلية · ${i(size)}` : 'الصورة الأصلية'),
  viewerLabel: ({ name }) => (name ? `الصورة ${i(name)}` : 'الصورة'),
  counter: ({ index, count }) => `${n(index)} / ${n(count)}`,
  counterLabel: ({ index, count }) => `الصورة ${n(index)} من ${n(count)}`,
  previous: 'الصورة السابقة',
  next: 'الصورة التالية',
  close: 'إغلاق العارض',
  zoomIn: 'تكبير',
  zoomOut: 'تصغير',
  zoomFit: 'ملاءمة الشاشة',
  download: 'تنزيل الصورة الأصلية',
  loadingOriginal: 'جارٍ تحميل الصورة الأصلية',
};
