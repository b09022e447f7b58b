/**
 * The application form (教师资格定期注册申请表) as a person reads it: poppler renders it and
 * extracts its text, and every field the applicant entered is on its one A4 page, with the photo.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPortal } from '../../../test/harness';
import { application, INSTITUTION, readyApplicant, STEP_TWO } from '../../../test/registration-fixtures';

const poppler = ['pdftotext', 'pdfinfo', 'pdfimages', 'pdftoppm'].every((tool) => existsSync(`/usr/bin/${tool}`));
if (!poppler) console.warn('application-form.test: skipped, poppler-utils is not installed (apt-get install poppler-utils)');

let portal: TestPortal;
let dir: string;
beforeAll(async () => {
  portal = await TestPortal.start();
  await portal.admin('seedInstitutions', [INSTITUTION]);
  dir = mkdtempSync(join(tmpdir(), 'jszg-form-'));
});
afterAll(async () => {
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

describe.skipIf(!poppler)('the application form (申请表)', () => {
  it('prints every field the applicant entered, in Chinese, with the photo, on one A4 page', async () => {
    const a = await readyApplicant(portal);
    const { applicationNumber } = (await portal.call('submitRegistration', application(a), a.token)).body;
    await portal.advance(3_600_000);
    const form = await portal.call('getApplicationForm', { applicationNumber }, a.token);
    expect(form.status).toBe(200);
    const file = join(dir, 'form.pdf');
    writeFileSync(file, form.body);

    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(run('pdfimages', ['-list', file]).trim().split('\n').slice(2)).toHaveLength(1);

    const text = run('pdftotext', ['-layout', file, '-']).replace(/\s+/g, ' ');
    const shown = ['教师资格定期注册申请表', applicationNumber, '张伟', '汉族', a.idNumber, a.certificateNumber, '小学教师资格',
      INSTITUTION.name, '鼓楼区教师进修学校', '福建师范大学', '提交时间 2026-09-14 10:00', ...Object.values(STEP_TWO)];
    expect(shown.filter((field) => !text.includes(field))).toEqual([]);

    // Rendered, it is a page with something on it (no error from the renderer, a real image).
    run('pdftoppm', ['-r', '40', '-png', '-singlefile', file, join(dir, 'form')]);
    expect(existsSync(join(dir, 'form.png'))).toBe(true);
  }, 60_000);

  it('gives the same bytes for the same application', async () => {
    const a = await readyApplicant(portal);
    const { applicationNumber } = (await portal.call('submitRegistration', application(a), a.token)).body;
    await portal.advance(3_600_000);
    const first = await portal.call('getApplicationForm', { applicationNumber }, a.token);
    const second = await portal.call('getApplicationForm', { applicationNumber }, a.token);
    expect(Buffer.compare(first.body, second.body)).toBe(0);
  }, 60_000);
});
