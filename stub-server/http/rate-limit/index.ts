export { RateLimits, RATE_LIMITED_OPERATIONS } from './rate-limits';
export { WindowLimiter, type Take } from './window-limiter';
