/**
 * An application keeps a copy of the applicant's identity (002/003 step 2 and §3.2.2 show it;
 * 001: after a name change the application must be submitted again to update it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestPortal } from '../../../test/harness';
import { application, INSTITUTION, readyApplicant } from '../../../test/registration-fixtures';

let portal: TestPortal;
beforeEach(async () => {
  portal = await TestPortal.start();
  await portal.admin('seedInstitutions', [INSTITUTION]);
});
afterEach(() => portal.close());

describe("an application's copy of the identity", () => {
  it('shows the identity as submitted, and takes a name change only when the application is submitted again', async () => {
    const a = await readyApplicant(portal);
    const { applicationNumber } = (await portal.call('submitRegistration', application(a), a.token)).body;
    const detail = async () => (await portal.call('getRegistration', { applicationNumber }, a.token)).body.applicant;
    // The harness's resident ID 350102 1988-06-01, sequence digit odd or even: the ID says birth date and gender.
    expect(await detail()).toMatchObject({ name: '张伟', ethnicity: '汉族', idType: 'resident-id', idNumber: a.idNumber, birthDate: '1988-06-01' });
    expect(['male', 'female']).toContain((await detail()).gender);

    await portal.admin('seedIdentities', [{ idNumber: a.idNumber, name: '张薇' }]);
    const renamed = await portal.call('verifyRealName', { name: '张薇' }, a.token);
    expect(renamed.body).toMatchObject({ status: 'passed', nameChange: { applied: true } });
    expect((await detail()).name).toBe('张伟');

    const resubmitted = await portal.call('updateRegistration', { applicationNumber, address: '福州市鼓楼区杨桥路2号' }, a.token);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.applicant.name).toBe('张薇');
  });
});
