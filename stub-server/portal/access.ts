/** Who may call an operation: anyone, a signed-in applicant, or the back office and test control. */
export type Access = 'public' | 'applicant' | 'admin';
