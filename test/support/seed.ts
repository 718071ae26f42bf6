// The property tests draw other cases every run, and fast-check prints the seed of a failure:
// `VFM_SEED=N` draws the same cases again, in every property test.
import fc from 'fast-check';

if (process.env.VFM_SEED !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.VFM_SEED) });
