/** report.md, the summary a planner or a reviewer of a rule change reads first. */
export { renderMarkdown } from './render';
