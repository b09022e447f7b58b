import type { IdType } from '../../rules';

/** The records the portal keeps. Times are epoch ms on the portal's clock; dates YYYY-MM-DD. */

export interface Profile {
  ethnicity: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  localIdNumber?: string;
  permitNumber?: string;
  completedAt: number;
}

export type RealNameStatus = 'unverified' | 'verified';

export interface Account {
  idType: IdType;
  idNumber: string;
  name: string;
  idValidFrom: string;
  idValidTo: string;
  passwordHash: string;
  email: string;
  phone: string;
  registeredAt: number;
  wechatBound: boolean;
  profile: Profile | null;
  realName: { status: RealNameStatus; method?: 'registry' | 'manual-review'; verifiedAt?: number; failedAttempts: number };
  lastLoginAt?: number;
}

/**
 * An entry of the simulated public-security registry. `ctidFixes: false` is a record that
 * opening CTID does not refresh (003 §2.1: 网证开通成功后依旧实名核验失败 → manual review).
 */
export interface Identity { idNumber: string; name: string; stale: boolean; ctidOpened: boolean; ctidFixes?: boolean }

export type CodePurpose = 'register' | 'reset' | 'certificate-query' | 'change-phone';
export type Channel = 'sms' | 'wechat' | 'email';

/** A code sent, or a reset link's token (channel email, recipient the ID number): one live per recipient and purpose. */
export interface IssuedCode { channel: 'sms' | 'wechat' | 'email'; recipient: string; purpose: CodePurpose; code: string; expiresAt: number; wrongAttempts?: number }

export interface OutboxMessage {
  seq: number;
  channel: Channel;
  recipient: string;
  /**
   * A reset email's account (its ID number). Two accounts may give one address; each reads and
   * forgets only the links for itself, never another account's.
   */
  idNumber?: string;
  code?: string;
  link?: string;
  text: string;
  sentAt: number;
}

/** `seq` orders sessions opened in the same millisecond (the oldest ends first past the limit). */
export interface Session { token: string; idNumber: string; createdAt: number; expiresAt: number; seq?: number }
export interface LoginGuard { failures: number; lockedUntil: number }

/** What the portal reads from an uploaded JPEG; the bytes themselves are not kept. */
export interface PhotoMeta { bytes: number; width: number; height: number; sha256: string }

export interface ManualReview {
  id: string;
  idNumber: string;
  cycle: string;
  name: string;
  /** The applicant's remark on the form, if any. */
  note?: string;
  photo: PhotoMeta;
  submittedAt: number;
  /** The date by which a decision is promised (7 working days). */
  decisionDue: string;
  status: 'pending' | 'approved' | 'rejected';
  reason?: string;
  decidedAt?: number;
}

export interface Certificate {
  number: string;
  holderName: string;
  idNumber: string;
  qualificationType: string;
  subject: string;
  province: string;
  city?: string;
  certifyingBody: string;
  issueDate: string;
  lastRegistration?: { date: string; conclusion: string };
  source: 'registry' | 'hand-added';
  photo?: PhotoMeta;
  /** Hand-added only: the supplementary photos (添加补充照片) and when it was added. */
  extraPhotos?: PhotoMeta[];
  addedAt?: number;
}

export interface ConfirmationPoint { id: string; name: string; scope: { stages: string[]; cities?: string[]; description: string } }

export interface Institution {
  id: string;
  name: string;
  province: string;
  city: string;
  stages: string[];
  qualificationTypes: string[];
  subjects?: string[];
  window: { from: string; to: string };
  confirmationPoints: ConfirmationPoint[];
}

export interface School { id: string; name: string; type: string; province?: string; addedBy?: string }

/** A personal photo: what the portal read from it, and the file itself (base64) when kept (PortalDeps.keepPhotoFiles). */
export interface Photo extends PhotoMeta { id: string; idNumber: string; uploadedAt: number; jpeg?: string }

export type Conclusion = '网报待确认' | '确认未通过' | '待注册审批' | '注册合格' | '暂缓注册' | '注册不合格';

export interface RegistrationMessage { at: number; from: 'confirmation-point' | 'institution'; text: string }

/** The applicant's identity as an application keeps it (registrations/applicant.ts). */
export interface ApplicantCopy {
  name: string; ethnicity: string | null; idType: IdType; idNumber: string; gender: 'male' | 'female' | null; birthDate: string | null;
}

export interface Registration {
  applicationNumber: string;
  idNumber: string;
  /** The identity as it was when the application was last submitted (absent in stores written before it was kept). */
  applicant?: ApplicantCopy;
  certificateNumber: string;
  institutionId: string;
  confirmationPointId: string;
  stage: string;
  subject: string;
  photoId: string;
  details: Record<string, unknown>;
  conclusion: Conclusion;
  tiersPassed: string[];
  submittedAt: number;
  formAvailableAt: number;
  history: { at: number; from: Conclusion | null; to: Conclusion; reason?: string; tier?: string }[];
  messages: RegistrationMessage[];
  /** How many messages the applicant has read (the list shows 有留言 while some are unread). */
  messagesRead?: number;
  /** The registration season (Beijing year of submission): the list shows the current one only. */
  season: number;
}
