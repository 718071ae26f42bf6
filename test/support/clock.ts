// A clock fixed on the day the seed's notice was served, for runs whose figures tests compare.
import { Clock } from '../../src/core/clock';

export const SEED_DAY = { year: 2012, month: 10, day: 19 };
export const FIXED_CLOCK: Clock = { today: () => SEED_DAY, now: () => '2012-10-19T09:30:00Z' };
