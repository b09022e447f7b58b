/**
 * Names and ethnicities. Faker's zh_CN surname list has 1,000 entries drawn uniformly, which
 * gives rare surnames (乙, 羽) as often as 王; the 20 commonest carry about 55 % of the
 * population, so they are drawn from this table first and faker's list fills the rest.
 *
 * Surname shares: Ministry of Public Security, 《二〇二〇年全国姓名报告》 (top surnames by
 * household registrations), percent, approximate.
 */
export const COMMON_SURNAMES: Readonly<Record<string, number>> = {
  王: 7.1, 李: 7.0, 张: 6.6, 刘: 5.4, 陈: 4.6, 杨: 3.1, 黄: 2.5, 赵: 2.3, 吴: 2.0, 周: 1.9,
  徐: 1.5, 孙: 1.4, 马: 1.4, 朱: 1.3, 胡: 1.2, 郭: 1.2, 何: 1.1, 林: 1.0, 高: 1.0, 罗: 1.0,
};
/** The share of everyone else, whose surname comes from faker's list. */
export const OTHER_SURNAMES_SHARE = 100 - Object.values(COMMON_SURNAMES).reduce((a, b) => a + b, 0);

/**
 * Ethnicity (民族), asked of everyone at first login (SPEC §3). Shares of the 2020 census
 * (第七次全国人口普查), percent; the long tail of smaller groups is folded into the last
 * rows so the table stays readable. National, not per province: a simplification.
 */
export const ETHNICITIES: Readonly<Record<string, number>> = {
  汉族: 91.1, 壮族: 1.4, 维吾尔族: 0.8, 回族: 0.8, 苗族: 0.8, 满族: 0.7, 彝族: 0.7, 土家族: 0.7,
  藏族: 0.5, 蒙古族: 0.5, 布依族: 0.3, 侗族: 0.3, 瑶族: 0.2, 白族: 0.2, 朝鲜族: 0.1, 哈尼族: 0.1,
  哈萨克族: 0.1, 黎族: 0.1, 傣族: 0.1,
};
