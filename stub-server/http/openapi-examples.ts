/**
 * Examples for the main operations of /openapi.json, as a new client calls them in order. The
 * lint (`npm run lint:openapi`) checks each against its operation's schema.
 */
export const EXAMPLES: Record<string, { request?: unknown; response?: unknown }> = {
  requestSmsCode: {
    request: { purpose: 'register', phone: '13800138000', captchaToken: 'token-from-solveCaptcha' },
    response: { sentTo: '138****8000', expiresAt: '2026-09-14T10:05:00.000+08:00', remainingToday: 2 },
  },
  registerAccount: {
    request: {
      idType: 'resident-id', idNumber: '350102198806010019', name: '张伟', idValidFrom: '2016-01-01', idValidTo: '2036-01-01',
      password: 'Teach#2026', email: 'zhangwei@qq.com', phone: '13800138000', code: '123456',
      captchaToken: 'token-from-solveCaptcha', agreementAccepted: true,
    },
    response: { idType: 'resident-id', idNumber: '350102198806010019', name: '张伟', registeredAt: '2026-09-14T10:01:00.000+08:00' },
  },
  login: {
    request: { idNumber: '350102198806010019', password: 'Teach#2026', captchaToken: 'token-from-solveCaptcha' },
    response: {
      token: 'PXeXTDd3w8ZZmA1t3FlMevDlPGisy69v', expiresAt: '2026-09-14T12:02:00.000+08:00',
      profileComplete: false, realNameStatus: 'unverified', lastLoginAt: null,
    },
  },
  completeProfile: { request: { ethnicity: '汉族' } },
  verifyRealName: { response: { status: 'passed', attemptsLeft: 2, realNameStatus: 'verified' } },
  submitRegistration: {
    request: {
      agreementAccepted: true, certificateNumber: '20123500121000001',
      mandarinCertificate: '二级甲等', highestEducation: '本科', degree: '学士', majorCategory: '师范教育类', major: '教育学',
      graduatingSchoolId: 'S000001', graduationDate: '2008-07-01', studyForm: '普通全日制', currentSchool: '福州市第一中心小学',
      schoolType: '公办', schoolLocation: '城区', firstEmploymentDate: '2008-09-01', currentEmployerStartDate: '2012-09-01',
      title: '一级教师', postType: '专任教师', politicalStatus: '群众', householdRegistration: '福建省福州市',
      address: '福建省福州市鼓楼区某路1号', postcode: '350001', photoId: 'id-from-uploadPhoto',
      institutionId: '35-REG', confirmationPointId: '35-P-小学', stage: '小学', subject: '语文',
      noticesRead: true, commitment: 'agree',
    },
    response: { applicationNumber: '20263500000001', conclusion: '网报待确认', formAvailableAt: '2026-09-14T11:00:00.000+08:00' },
  },
};
