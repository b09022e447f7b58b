/**
 * China's official holidays (days off) and make-up working days (调休), one entry a year.
 * Source: SPEC.md §8 (State Council notice for 2026). Add a year by adding an entry.
 */
export const HOLIDAYS = {
  '2026': {
    daysOff: [
      { name: '元旦 New Year', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节 Spring Festival', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节 Qingming', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节 Labour Day', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节 Dragon Boat', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节 Mid-Autumn', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节 National Day', from: '2026-10-01', to: '2026-10-07' },
    ],
    makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
