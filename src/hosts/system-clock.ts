// The system's clock, read in UK local time: the one place the product reads the time.
import { Clock, clockAt } from '../core/clock';

export const systemClock: Clock = clockAt(() => new Date());
