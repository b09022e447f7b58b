/**
 * Phones, mail providers and password habits.
 *
 * Mobile prefixes: three-digit segments allocated to China Mobile, Unicom, Telecom and
 * Broadnet (MIIT numbering plan), all within SPEC §8's `1[3-9]` + 9 digits. Numbers are
 * spread evenly over them; the simulator needs distinct numbers, not the carriers' shares.
 */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '172', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '193', '195', '197', '198', '199',
];

/**
 * Mail providers of Chinese personal mailboxes, weighted, approximate (QQ mail dominates;
 * NetEase's 163/126 next). Domains in rules.account.email.qqDomains get a numeric QQ
 * number before the @, as the portal demands (SPEC §1).
 */
export const EMAIL_DOMAINS: Readonly<Record<string, number>> = {
  'qq.com': 48, '163.com': 24, '126.com': 10, 'sina.com': 5, '139.com': 4, 'foxmail.com': 3,
  'sohu.com': 2, 'vip.qq.com': 2, 'yeah.net': 2,
};

/** QQ numbers: 5 to 11 digits; most accounts in use have 9 or 10 (the 2000s-2010s ranges). */
export const QQ_DIGITS: Readonly<Record<number, number>> = { 6: 2, 7: 5, 8: 18, 9: 35, 10: 38, 11: 2 };

/**
 * Pinyin syllables for mailbox names and passwords: Chinese users typically build both from
 * the pinyin of their name plus a year or a few digits (e.g. `zhangwei1988`).
 */
export const PINYIN: readonly string[] = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun',
  'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'gao', 'luo', 'wei', 'fang', 'min', 'jun', 'hua',
  'ling', 'hong', 'mei', 'jie', 'ying', 'yan', 'qing', 'xin', 'hui', 'jing', 'lei', 'tao',
  'bo', 'yu', 'ting', 'xiao', 'ming', 'dong', 'feng', 'juan', 'na', 'qiang', 'yong',
];
