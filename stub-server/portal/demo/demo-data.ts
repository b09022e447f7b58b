import type { Portal } from '../portal';
import type { Certificate, Institution, School } from '../records';
import { storeSchools } from '../schools/operations';
import { seasonOf } from '../season';

/**
 * A small, realistic dataset for `npm start` and manual exploration: three provinces
 * (福建 35, 广西 45, 北京 11), registration institutions with second-half windows and
 * confirmation points, graduating schools, and registry certificates that show each sync
 * rule. Loading twice changes nothing (seeds replace by id and number; schools by name).
 */

/** Windows of one season, modelled on Fujian 2024 (online application 11 Sep – 15 Nov). */
const institutions = (year: number): Institution[] => [
  {
    id: 'FJ-FZ-GL', name: '福州市鼓楼区教育局', province: '35', city: '福州市',
    stages: ['幼儿园', '小学', '初中'], qualificationTypes: ['幼儿园教师资格', '小学教师资格', '初级中学教师资格'],
    window: { from: `${year}-09-11`, to: `${year}-11-15` },
    confirmationPoints: [
      { id: 'FJ-FZ-GL-1', name: '鼓楼区教师进修学校', scope: { stages: ['小学', '初中'], description: '鼓楼区公办中小学在编在岗教师' } },
      { id: 'FJ-FZ-GL-2', name: '鼓楼区实验幼儿园', scope: { stages: ['幼儿园'], description: '鼓楼区公办幼儿园在编在岗教师' } },
    ],
  },
  {
    id: 'FJ-XM', name: '厦门市教育局', province: '35', city: '厦门市',
    stages: ['高中', '中职'], qualificationTypes: ['高级中学教师资格', '中等职业学校教师资格'],
    window: { from: `${year}-09-11`, to: `${year}-11-15` },
    confirmationPoints: [
      { id: 'FJ-XM-1', name: '厦门市教育局行政服务窗口', scope: { stages: ['高中', '中职'], cities: ['厦门市'], description: '厦门市属高中、中职学校教师' } },
    ],
  },
  {
    id: 'GX-NN', name: '南宁市教育局', province: '45', city: '南宁市',
    stages: ['小学', '初中', '高中'], qualificationTypes: ['小学教师资格', '初级中学教师资格', '高级中学教师资格'],
    subjects: ['语文', '数学', '英语', '物理', '化学', '历史'],
    window: { from: `${year}-09-20`, to: `${year}-11-20` },
    confirmationPoints: [
      { id: 'GX-NN-1', name: '南宁市青秀区教育局', scope: { stages: ['小学', '初中'], description: '青秀区中小学教师' } },
      { id: 'GX-NN-2', name: '南宁市教育局直属学校确认点', scope: { stages: ['高中'], description: '市直属高中教师' } },
    ],
  },
  {
    // Opens later than the others: in September it shows as upcoming.
    id: 'BJ-HD', name: '北京市海淀区教育委员会', province: '11', city: '海淀区',
    stages: ['小学', '初中', '高中'], qualificationTypes: ['小学教师资格', '初级中学教师资格', '高级中学教师资格'],
    window: { from: `${year}-10-12`, to: `${year}-11-30` },
    confirmationPoints: [
      { id: 'BJ-HD-1', name: '海淀区教师发展中心', scope: { stages: ['小学', '初中', '高中'], description: '海淀区中小学教师（含民办）' } },
    ],
  },
];

const schools: Omit<School, 'id'>[] = [
  { name: '福建师范大学', type: '普通高等学校', province: '35' },
  { name: '闽江学院', type: '普通高等学校', province: '35' },
  { name: '厦门大学', type: '普通高等学校', province: '35' },
  { name: '福建广播电视大学', type: '成人高等学校', province: '35' },
  { name: '广西师范大学', type: '普通高等学校', province: '45' },
  { name: '南宁师范大学', type: '普通高等学校', province: '45' },
  { name: '北京师范大学', type: '普通高等学校', province: '11' },
  { name: '首都师范大学', type: '普通高等学校', province: '11' },
];

type RegistryCertificate = Omit<Certificate, 'source'>;

/**
 * Registry certificates, one per sync case. The holders are SPEC §8's valid example IDs:
 * register an account with that ID and name to see the certificate (or not) in the own query.
 */
export const DEMO_CERTIFICATES: RegistryCertificate[] = [
  // 2008 on: syncs.
  { number: '20133500121000101', holderName: '陈志强', idNumber: '360426199101010071', qualificationType: '小学教师资格', subject: '语文',
    province: '35', certifyingBody: '福州市鼓楼区教育局', issueDate: '2013-07-15' },
  // Before 2008 with a first registration: that record syncs.
  { number: '200535001300215', holderName: '王丽', idNumber: '120103198806018241', qualificationType: '初级中学教师资格', subject: '数学',
    province: '35', certifyingBody: '福州市教育局', issueDate: '2005-06-30', lastRegistration: { date: '2021-10-20', conclusion: '注册合格' } },
  // Guangxi 2010: before Guangxi's sync year (2012), no first registration: does not sync, add it by hand.
  { number: '20104500131000077', holderName: '黄海', idNumber: '440308199901101512', qualificationType: '初级中学教师资格', subject: '英语',
    province: '45', certifyingBody: '南宁市教育局', issueDate: '2010-08-01' },
  // Guangxi 2014: after Guangxi's sync year, syncs.
  { number: '20144500141000310', holderName: '黄海', idNumber: '440308199901101512', qualificationType: '高级中学教师资格', subject: '英语',
    province: '45', certifyingBody: '广西壮族自治区教育厅', issueDate: '2014-07-10' },
  { number: '20161100141000452', holderName: '刘洋', idNumber: '11010119900307803X', qualificationType: '高级中学教师资格', subject: '物理',
    province: '11', certifyingBody: '北京市海淀区教育委员会', issueDate: '2016-06-20' },
];

/** Seeds the dataset through the seed operations, with windows in the season of the portal's clock. */
export async function loadDemoData(portal: Portal): Promise<{ institutions: number; schools: number; certificates: number; windows: { from: string; to: string } }> {
  const year = seasonOf(portal.ctx, portal.ctx.now());
  const list = institutions(year);
  await portal.invoke('seedInstitutions', list);
  await portal.invoke('seedCertificates', DEMO_CERTIFICATES);
  // No seed operation for schools (API.md has none): they go in through the schools module.
  const stored = storeSchools(portal.ctx, schools);
  const windows = { from: list.map((i) => i.window.from).sort()[0]!, to: list.map((i) => i.window.to).sort().at(-1)! };
  return { institutions: list.length, schools: stored.length, certificates: DEMO_CERTIFICATES.length, windows };
}
