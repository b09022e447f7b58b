/** The back office as agents on the working-day calendar: reviewers, confirmation points, approvers. */
export { OfficeHours } from './working-time';
export { ReviewDesk, type ReviewersConfig } from './review-desk';
export { DailyDesk } from './daily-desk';
