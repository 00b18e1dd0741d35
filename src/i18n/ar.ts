import type { Localization } from './en';
import { numbers, plurals, type PluralForms } from './plural';

/**
 * Arabic (Modern Standard), written right to left; Western digits, as `ar` formats them. Counted
 * nouns take Arabic's six plural categories (zero, one, two, few 3–10, many 11–99, other 100+),
 * in the case the sentence needs.
 */
const locale = 'ar';
const p = /* @__PURE__ */ plurals(locale);
const n = /* @__PURE__ */ numbers(locale);

/** "N other devices" after a preposition or a verbal noun (genitive). */
const otherDevices: PluralForms = {
  zero: 'أي جهاز آخر',
  one: 'جهاز آخر',
  two: 'جهازين آخرين',
  few: '# أجهزة أخرى',
  many: '# جهازًا آخر',
  other: '# جهاز آخر',
};
/** "N devices" (genitive). */
const devices: PluralForms = { zero: 'أي جهاز', one: 'جهاز واحد', two: 'جهازين', few: '# أجهزة', many: '# جهازًا', other: '# جهاز' };

export const ar: Localization = {
  locale,
  dateTimeFormat: { dateStyle: 'medium', timeStyle: 'short' },
  loading: 'جارٍ التحميل…',
  loadingSlow: 'يستغرق الأمر وقتًا أطول من المعتاد…',
  retry: 'إعادة المحاولة',
  cancel: 'إلغاء',
  errorUnknown: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  errorNetwork: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.',
  errorRateLimited: 'محاولات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.',
  errorUnauthenticated: 'انتهت جلستك. سجّل الدخول مرة أخرى للمتابعة.',
  errorForbidden: 'ليس لديك إذن بتنفيذ هذا الإجراء.',
  errorReverification: 'أكِّد هويتك أولًا للقيام بذلك. لم يتم تغيير أي شيء.',
  errorNotFound: 'لم يعد هذا العنصر موجودًا. ربما تمت إزالته بالفعل.',
  current: 'الحالي',
  taskChooseOrganization: 'اختر منظمة',
  thisDevice: 'هذا الجهاز',
  unknownBrowser: 'متصفح غير معروف',
  unknownDevice: 'جهاز غير معروف',
  mobile: 'هاتف',
  desktop: 'كمبيوتر',
  lastActive: ({ relative }) => `آخر نشاط ${relative}`,

  sessionManagerTitle: 'هذه الجلسة',
  signedOutMessage: 'لم تسجّل الدخول.',
  sessionId: 'معرّف الجلسة',
  copySessionId: 'نسخ معرّف الجلسة',
  copiedSessionId: 'تم نسخ معرّف الجلسة.',
  copyFailed: 'تعذّر نسخ معرّف الجلسة.',
  createdAt: 'تسجيل الدخول',
  lastActiveAt: 'آخر نشاط',
  expireAt: 'تنتهي الصلاحية',
  signOut: 'تسجيل الخروج',
  signingOut: 'جارٍ تسجيل الخروج…',
  signOutFailed: ({ message }) => `تعذّر تسجيل الخروج: ${message}`,
  signedOut: 'تم تسجيل خروجك.',
  signOutEverywhere: 'تسجيل الخروج من جميع الأجهزة',
  signOutEverywhereTitle: 'تسجيل الخروج من جميع الأجهزة؟',
  signOutEverywhereDescription: ({ count }) =>
    count === null
      ? 'سيتم أولًا تسجيل الخروج من كل الأجهزة الأخرى المسجّلة في حسابك، ثم من هذا الجهاز.'
      : count === 0
        ? 'لا يوجد جهاز آخر مسجّل الدخول: سيتم تسجيل الخروج من هذا الجهاز فقط.'
        : `سيتم أولًا تسجيل الخروج من ${p(count, otherDevices)}، ثم من هذا الجهاز.`,
  signOutEverywhereConfirm: 'تسجيل الخروج من كل الأجهزة',
  signOutEverywhereFailed: ({ message }) => `تعذّر تسجيل الخروج من جميع الأجهزة: ${message}`,

  sessionListTitle: 'الجلسات',
  accountsTitle: 'الحسابات على هذا المتصفح',
  devicesTitle: 'أجهزتك',
  switchAccount: 'تبديل',
  switchAccountLabel: ({ name }) => `تبديل إلى ${name}`,
  switchedAccount: ({ name }) => `تم التبديل إلى ${name}.`,
  switchFailed: ({ name, message }) => `تعذّر التبديل إلى ${name}: ${message}`,
  signOutAccountLabel: ({ name }) => `تسجيل الخروج من حساب ${name}`,
  signedOutAccount: ({ name }) => `تم تسجيل خروج ${name}.`,
  revoke: 'إبطال',
  rowMenuLabel: ({ name }) => `إجراءات ${name}`,
  revokeLabel: ({ device }) => `إبطال الجلسة على ${device}`,
  revokeTitle: 'إبطال هذه الجلسة؟',
  revokeDescription: ({ device }) => `سيتم تسجيل الخروج من الجلسة على ${device}.`,
  revokeConfirm: 'إبطال الجلسة',
  revoking: 'جارٍ الإبطال…',
  revoked: ({ device }) => `تم إبطال الجلسة على ${device}.`,
  revokeFailed: ({ device, message }) => `تعذّر إبطال الجلسة على ${device}: ${message}`,
  revokeAllOthers: ({ count }) =>
    p(count, {
      one: 'إبطال الجهاز الآخر',
      two: 'إبطال الجهازين الآخرين',
      other: 'إبطال الأجهزة الـ# الأخرى',
    }),
  revokeAllTitle: ({ count }) => `إبطال ${p(count, otherDevices)}؟`,
  revokeAllDescription: ({ count }) => `سيتم تسجيل الخروج من ${p(count, otherDevices)}. سيبقى هذا الجهاز مسجّل الدخول.`,
  revokeAllConfirm: ({ count }) => `إبطال ${p(count, devices)}`,
  revokedAll: ({ count }) =>
    `تم إبطال ${p(count, { zero: 'أي جلسة', one: 'جلسة واحدة', two: 'جلستين', few: '# جلسات', many: '# جلسةً', other: '# جلسة' })}.`,
  noOtherDevices: 'لا توجد أجهزة أخرى مسجّلة الدخول إلى حسابك.',
  devicesFailed: 'تعذّر تحميل أجهزتك.',
  devicesLoading: 'جارٍ تحميل أجهزتك…',
  tablet: 'جهاز لوحي',
  addAccount: 'إضافة حساب',
  switching: 'جارٍ التبديل…',
  details: 'التفاصيل',
  impersonated: 'جلسة بانتحال الهوية',
  impersonator: 'منتحل الهوية',
  unknownUser: 'مستخدم غير معروف',
  sessionDetails: 'تفاصيل الجلسة',
  copied: 'تم النسخ',
  pendingTask: ({ task }) => (task ? `معلّقة: ${task}` : 'معلّقة'),
  taskResetPassword: 'إعادة تعيين كلمة المرور',
  taskSetupMfa: 'إعداد التحقق بخطوتين',
  clerkFailed: 'تعذّر تحميل خدمة تسجيل الدخول. تحقّق من اتصالك أو من أداة حظر المحتوى، ثم حاول مرة أخرى.',

  // OrgSwitcher
  orgSwitcherLabel: 'تبديل المنظمة',
  orgPersonal: 'الحساب الشخصي',
  orgNoneSelected: 'لم يتم اختيار أي منظمة',
  orgNoneActive: 'لا توجد منظمة نشطة. اختر واحدة أدناه.',
  orgSearchLabel: 'البحث في المنظمات',
  orgSearchPlaceholder: 'ابحث عن منظمة',
  orgListLabel: 'المنظمات',
  orgResults: ({ count }) =>
    count === 0
      ? 'لم يتم العثور على أي منظمة'
      : p(count, { one: 'منظمة واحدة', two: 'منظمتان', few: '# منظمات', many: '# منظمةً', other: '# منظمة' }),
  orgNoMemberships: 'لست عضوًا في أي منظمة بعد.',
  orgNoMatches: ({ query }) => `لا توجد منظمة تطابق «${query}».`,
  orgLoadingMore: 'جارٍ تحميل المزيد من المنظمات…',
  orgSearchingAll: ({ loaded, total }) => `جارٍ البحث في كل المنظمات (تم تحميل ${n(loaded)} من ${n(total)})…`,
  orgPageFailed: 'تعذّر تحميل بعض المنظمات.',
  orgSwitching: ({ name }) => `جارٍ التبديل إلى ${name}…`,
  orgSwitched: ({ name }) => `تم التبديل إلى ${name}.`,
  orgSwitchFailed: ({ name }) => `تعذّر التبديل إلى ${name}.`,
  orgCreate: 'إنشاء منظمة',
  orgManage: 'إدارة المنظمة',
  orgUnavailable: 'المنظمات غير متاحة',
  orgUnavailableHint: 'تعذّر تحميل Clerk. أعد تحميل الصفحة للمحاولة مرة أخرى.',
  orgSignedOut: 'لم تسجّل الدخول',
  roleAdmin: 'المسؤول',
  roleMember: 'عضو',
  roleGuest: 'ضيف',
};
