import { z } from 'zod';
import { applicantOperation, publicOperation, type Operation } from '../operation';
import { requiredText } from '../fields';
import { conflict } from '../problem';
import type { PortalContext } from '../context';
import type { School } from '../records';

/** Names compare without surrounding or inner spaces, so "厦门 大学" finds and duplicates "厦门大学". */
export const normalSchoolName = (name: string) => name.replace(/\s+/g, '');

/** A school's name as compared, worked out once per record: every search reads every school. */
const comparedNames = new WeakMap<School, string>();
function comparedName(school: School): string {
  let name = comparedNames.get(school);
  if (name === undefined) comparedNames.set(school, (name = normalSchoolName(school.name)));
  return name;
}

const findByName = (ctx: PortalContext, name: string): School | undefined => {
  const wanted = normalSchoolName(name);
  for (const school of ctx.state.schools.values()) if (comparedName(school) === wanted) return school;
  return undefined;
};

/** Adds schools (the demo data; addSchool for applicants); an existing name is kept, not duplicated. */
export function storeSchools(ctx: PortalContext, schools: Omit<School, 'id'>[]): School[] {
  return schools.map((s) => {
    const existing = findByName(ctx, s.name);
    if (existing) return existing;
    const school: School = { id: `S${String(ctx.nextSeq('school')).padStart(6, '0')}`, ...s, name: s.name.trim() };
    ctx.state.schools.set(school.id, school);
    return school;
  });
}

/** A school as search and addSchool give it. */
const schoolAnswer = z.object({ id: z.string(), name: z.string(), type: z.string(), province: z.string().nullable() });

export const searchSchools = publicOperation({
  operationId: 'searchSchools',
  output: z.array(schoolAnswer),
  summary: 'Graduating-school lookup (毕业学校): substring of the name, optionally within a province; one page',
  section: '§6',
  input: () => z.object({ q: requiredText(50), province: z.string().regex(/^\d{2}$/).optional() }),
  run: ({ ctx, input }) => {
    const q = normalSchoolName(input.q);
    const found: School[] = [];
    for (const school of ctx.state.schools.values()) {
      if (input.province !== undefined && school.province !== input.province) continue;
      if (!comparedName(school).includes(q)) continue;
      found.push(school);
      if (found.length === ctx.rules.limits.searchPageSize) break;
    }
    return found.map(({ id, name, type, province }) => ({ id, name, type, province: province ?? null }));
  },
});

export const addSchool = applicantOperation({
  operationId: 'addSchool',
  output: schoolAnswer,
  refuses: ['SCHOOL_EXISTS'],
  summary: 'Add a graduating school not found (新增学校): name and school type (办学类型); an existing name answers 409 with its id',
  section: '§6',
  requires: ['profile'],
  input: () => z.object({ name: requiredText(100), type: requiredText(30), province: z.string().regex(/^\d{2}$/).optional() }),
  run: ({ ctx, input, account }) => {
    const existing = findByName(ctx, input.name);
    if (existing) throw conflict('SCHOOL_EXISTS', `a school of this name exists: pick it (${existing.id})`, { existingId: existing.id });
    const [school] = storeSchools(ctx, [{ ...input, addedBy: account.idNumber }]);
    const { id, name, type, province } = school!;
    return { id, name, type, province: province ?? null };
  },
});

export const schoolOperations: Operation[] = [searchSchools, addSchool];
