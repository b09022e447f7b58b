import type { Lang } from './labels';

/**
 * The journey's step, reason and final-state codes (machines/journey) as a planner reads them,
 * in both languages. A code without a name here shows as itself: it is still exact.
 */
type Names = Record<string, { en: string; zh: string }>;

const STEPS: Names = {
  registerForm: { en: 'sign-up form', zh: '注册表单' },
  smsCode: { en: 'SMS code', zh: '短信验证码' },
  wechatCode: { en: 'WeChat code', zh: '微信验证码' },
  signIn: { en: 'sign-in', zh: '登录' },
  resetStart: { en: 'password reset, step 1', zh: '找回密码第一步' },
  resetSms: { en: 'reset by SMS', zh: '短信找回密码' },
  resetSmsForm: { en: 'reset by SMS, form', zh: '短信找回密码表单' },
  resetWechatForm: { en: 'reset by WeChat, form', zh: '微信找回密码表单' },
  resetEmail: { en: 'reset by email', zh: '邮件找回密码' },
  email: { en: 'reset email', zh: '找回密码邮件' },
  profile: { en: 'first-login profile', zh: '完善身份信息' },
  verify: { en: 'real-name verification', zh: '实名核验' },
  ctid: { en: 'CTID network ID', zh: '开通网证' },
  review: { en: '人工审核 application', zh: '人工审核申请' },
  reviewCheck: { en: '人工审核 result', zh: '人工审核结果' },
  notice: { en: 'must-read notice', zh: '申请人必读' },
  window: { en: 'registration window', zh: '网报时间' },
  wizard: { en: 'registration wizard', zh: '定期注册向导' },
  agreement: { en: 'wizard: agreement', zh: '向导：协议' },
  certificate: { en: 'wizard: certificate', zh: '向导：证书' },
  addCertificate: { en: 'wizard: add a certificate', zh: '向导：添加证书' },
  school: { en: 'wizard: graduating school', zh: '向导：毕业学校' },
  addSchool: { en: 'wizard: add a school', zh: '向导：新增学校' },
  photo: { en: 'wizard: photo', zh: '向导：照片' },
  institution: { en: 'wizard: 注册机构', zh: '向导：注册机构' },
  confirm: { en: 'wizard: commitment', zh: '向导：个人承诺' },
  submit: { en: 'submission', zh: '提交' },
  form: { en: 'application form (申请表)', zh: '下载申请表' },
  status: { en: 'waiting for 现场确认', zh: '等待现场确认' },
  messages: { en: 'messages (留言)', zh: '留言' },
  modify: { en: 'modification after a message', zh: '按留言修改' },
  approvalStatus: { en: 'waiting for approval', zh: '等待注册审批' },
};

const REASONS: Names = {
  'left-wizard': { en: 'left the wizard', zh: '中途离开向导' },
  disagreed: { en: 'declined the commitment (or the portal was closed)', zh: '未同意承诺（或系统关闭）' },
  'window-closed': { en: 'the window had closed', zh: '网报时间已过' },
  'season-closed': { en: 'the season had closed', zh: '注册季已结束' },
  'window-not-open': { en: 'the window never opened in time', zh: '等不到网报开始' },
  'no-window': { en: 'no window for them', zh: '查不到网报时间' },
  'no-certificate': { en: 'no certificate to register', zh: '无可注册的证书' },
  'certificate-not-addable': { en: 'certificate may not be added', zh: '证书不可手动添加' },
  'no-institution': { en: 'no 注册机构 for them', zh: '无对应注册机构' },
  'photo-refused': { en: 'photo refused', zh: '照片不合格' },
  captcha: { en: 'slider captcha failed', zh: '滑块验证失败' },
  'code-refused': { en: 'code refused', zh: '验证码错误' },
  'form-errors': { en: 'form errors', zh: '表单填写错误' },
  'form-unavailable': { en: 'form never ready', zh: '申请表一直未生成' },
  'wrong-password': { en: 'wrong password', zh: '密码错误' },
  'reset-link-refused': { en: 'reset link refused', zh: '重置链接无效' },
  'sms-quota': { en: 'SMS quota used up', zh: '短信次数用尽' },
  'wechat-quota': { en: 'WeChat quota used up', zh: '微信验证码次数用尽' },
  'real-name-quota': { en: 'real-name attempts used up', zh: '实名核验次数用尽' },
  'manual-review-quota': { en: '人工审核 applications used up', zh: '人工审核次数用尽' },
  'review-rejected': { en: '人工审核 rejected', zh: '人工审核未通过' },
  'review-too-slow': { en: '人工审核 took too long', zh: '人工审核等待过久' },
  'never-confirmed': { en: 'never confirmed on site', zh: '一直未现场确认' },
  'never-approved': { en: 'never approved', zh: '一直未审批' },
  'not-confirmed': { en: 'not confirmed (确认未通过)', zh: '确认未通过' },
  'portal-unavailable': { en: 'portal unavailable', zh: '系统无法访问' },
  'portal-too-slow': { en: 'portal too slow', zh: '系统响应过慢' },
  'unexpected-answer': { en: 'an answer the applicant could not act on', zh: '无法处理的应答' },
};

const OUTCOMES: Names = {
  approved: { en: 'approved (注册合格)', zh: '注册合格' },
  deferred: { en: 'deferred (暂缓注册)', zh: '暂缓注册' },
  refused: { en: 'refused (注册不合格)', zh: '注册不合格' },
  notConfirmed: { en: 'not confirmed (确认未通过)', zh: '确认未通过' },
  abandoned: { en: 'gave up', zh: '放弃' },
  unfinished: { en: 'still going at the end', zh: '结束时仍在办理' },
};

const nameIn = (names: Names) => (code: string, lang: Lang): string => names[code]?.[lang] ?? code;

export const stepName = nameIn(STEPS);
const plainReason = nameIn(REASONS);
/** A reason; `unexpected:CODE` (an answer the journey has no branch for) keeps its code. */
export const reasonName = (code: string, lang: Lang): string => {
  const [kind, detail] = code.split(':');
  return detail !== undefined && kind === 'unexpected' ? `${plainReason('unexpected-answer', lang)} (${detail})` : plainReason(code, lang);
};
export const outcomeName = nameIn(OUTCOMES);
