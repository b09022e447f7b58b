/**
 * Who the in-post teachers are: the qualification types they hold, by stage, with the share
 * of women in each, the subjects they teach and their ages. Periodic registration (定期注册)
 * concerns public K-12, vocational and kindergarten teachers (SPEC §6), so higher education
 * (type 7) has weight 0 unless a scenario adds it.
 *
 * Stage weights: full-time teachers by level from the MOE 2023 statistical bulletin, rounded
 * (kindergarten ≈ 3.1 M, primary ≈ 6.6 M, junior secondary ≈ 4.1 M, senior ≈ 2.2 M,
 * secondary vocational ≈ 0.7 M), kindergarten discounted because many kindergarten teachers
 * work in private kindergartens outside the scope. Women's shares: MOE gender statistics by
 * level, approximate (±3 points).
 */
import type { Distribution } from '../../../machines';

/** The qualification-type digit of a 17-digit certificate number (SPEC §8). */
export type QualificationCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Stage {
  code: QualificationCode;
  /** The qualification type as the portal prints it. */
  qualificationType: string;
  /** The current teaching stage (现任教学段) the window lookup asks for. */
  stage: string;
  weight: number;
  femaleShare: number;
  /** Subjects with weights (how many teachers teach them, roughly by weekly periods). */
  subjects: Readonly<Record<string, number>>;
}

const SECONDARY_SUBJECTS = {
  语文: 16, 数学: 15, 英语: 13, 物理: 7, 化学: 6, 生物: 6, 历史: 6, 地理: 5, 思想政治: 6,
  体育与健康: 7, 音乐: 3, 美术: 3, 信息技术: 3,
} as const;

export const STAGES: readonly Stage[] = [
  { code: 1, qualificationType: '幼儿园教师资格', stage: '幼儿园', weight: 14, femaleShare: 0.97, subjects: { 幼儿园: 1 } },
  {
    code: 2, qualificationType: '小学教师资格', stage: '小学', weight: 42, femaleShare: 0.72,
    subjects: { 语文: 34, 数学: 26, 英语: 10, 道德与法治: 6, 科学: 6, 体育: 7, 音乐: 4, 美术: 4, 信息技术: 3 },
  },
  { code: 3, qualificationType: '初级中学教师资格', stage: '初中', weight: 26, femaleShare: 0.59, subjects: SECONDARY_SUBJECTS },
  { code: 4, qualificationType: '高级中学教师资格', stage: '高中', weight: 14, femaleShare: 0.55, subjects: SECONDARY_SUBJECTS },
  {
    code: 5, qualificationType: '中等职业学校教师资格', stage: '中职', weight: 3.5, femaleShare: 0.52,
    subjects: { 语文: 3, 数学: 3, 英语: 2, 计算机应用: 3, 会计事务: 2, 机电技术应用: 2, 护理: 2, 电子商务: 1, 学前教育: 1 },
  },
  {
    code: 6, qualificationType: '中等职业学校实习指导教师资格', stage: '中职', weight: 0.5, femaleShare: 0.35,
    subjects: { 数控技术应用: 2, 汽车运用与维修: 2, 电气运行与控制: 1, 烹饪: 1, 美容美发: 1 },
  },
  { code: 7, qualificationType: '高等学校教师资格', stage: '高校', weight: 0, femaleShare: 0.52, subjects: { 教育学: 1, 计算机科学与技术: 1, 汉语言文学: 1 } },
];

/**
 * Ages of in-post teachers (years at the season), as bands with their share: MOE 2022
 * age structure of K-12 full-time teachers, approximate. Women retire at 55 in most posts,
 * so their 55-59 band is scaled by `femaleOver55`.
 */
export const AGE_BANDS: readonly { from: number; to: number; share: number }[] = [
  { from: 22, to: 24, share: 5 },
  { from: 25, to: 29, share: 14 },
  { from: 30, to: 34, share: 14 },
  { from: 35, to: 39, share: 15 },
  { from: 40, to: 44, share: 13 },
  { from: 45, to: 49, share: 14 },
  { from: 50, to: 54, share: 15 },
  { from: 55, to: 59, share: 10 },
];
export const femaleOver55 = 0.3;

/**
 * Certificates by when they were issued. Teacher qualification was first certified in bulk
 * for in-post teachers in 2001-2002 (transitional certification under the 1995 regulation),
 * so older teachers mostly hold a pre-2008 certificate; a new certificate is usually
 * obtained at 21-26.
 */
export const CERTIFICATION = {
  firstYear: 2001,
  transitionYears: [2001, 2002],
  /** Weight of each transition year against any other pre-2008 year. */
  transitionWeight: 4,
  ageAtCertification: { kind: 'empirical', values: [21, 22, 23, 24, 25, 26], weights: [2, 5, 4, 3, 2, 1] } satisfies Distribution,
} as const;

/** Conclusion of the previous registration (the only one a current teacher can carry on). */
export const LAST_REGISTRATION_CONCLUSION = '注册合格';
