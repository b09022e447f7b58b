import type { Rules } from '../../../rules';

/**
 * The must-read notice (教师资格定期注册申请人必读) of 002/003 §3.1.1 as data, and the
 * seven-clause online-application agreement of step 1. Numbers come from the rules.
 */
export function registrationNotice(rules: Rules) {
  const { trainingHoursPerPeriod, validYears } = rules.registration;
  return {
    title: '教师资格定期注册申请人必读',
    scope: {
      text: '公办普通中小学、中等职业学校和幼儿园在编在岗教师须进行注册，部分省份将依法举办的民办普通中小学、中等职业学校和幼儿园教师纳入注册范围。',
      mandatory: ['公办普通中小学在编在岗教师', '中等职业学校在编在岗教师', '幼儿园在编在岗教师'],
      provincialOption: '依法举办的民办普通中小学、中等职业学校和幼儿园教师（部分省份）',
    },
    firstRegistrationConditions: [
      '具有与任教岗位相应的教师资格',
      '聘用为中小学在编在岗教师',
      '省级教育行政部门规定的其他条件',
      '首次任教人员须试用期满且考核合格',
    ],
    conditions: [
      '遵守国家法律法规和《中小学教师职业道德规范》，达到师德考核评价标准，有良好的师德表现',
      '每年年度考核合格以上等次',
      `每个注册有效期内完成不少于${trainingHoursPerPeriod}个培训学时或省级教育行政部门规定的等量学分`,
      '身心健康，胜任教育教学工作',
      '省级教育行政部门规定的其他条件',
    ],
    trainingHoursPerPeriod,
    validYears,
    materials: ['《教师资格定期注册申请表》一式2份', '《教师资格证书》', '中小学或主管部门规定的其他材料'],
    windowLookup: '未查询到网报时间的，该地的定期注册机构暂未开始业务安排或不参与定期注册工作，请联系定期注册机构。',
    agreement: [
      '本申报系统的所有权归中国教师资格网所有，不得修改或他用，违者追责。',
      '申请人已经认真阅读并知晓教师资格定期注册模块下“须知”的相关内容。',
      '申请人必须在规定的时间内，登录本申报系统执行相关操作。因个人原因导致的申报异常，由申请人承担所有责任。',
      '申请人理解并同意由于不可抗力所引起的无法正常申报的情况，本申报系统不承担任何直接或间接责任。',
      '申请人须保证提交的个人信息真实、准确，申请人将承担由于信息不真实、不准确、隐瞒、伪造和个人疏漏所导致的一切后果。',
      '申请人同意本申报系统对个人申报信息进行在线核验。',
      '本申报系统尊重并保护申请人网上申报留存的个人隐私信息。',
    ],
  };
}
