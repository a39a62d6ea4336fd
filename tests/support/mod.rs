//! How the property tests draw their cases.
//!
//! In `npm test` and CI every property test runs a fixed number of cases from one fixed seed,
//! so a run is the same on every machine and every day, and proptest writes no failure file
//! into the source tree. Open-ended exploration is `npm run test:explore`: it sets
//! `LOGSCRUB_PROPTEST_SEED` (a new seed each time) and `LOGSCRUB_PROPTEST_SCALE` (how many
//! times more cases). A case it finds becomes a named regression test next to the property.
//!
//! Shared by the integration tests (`mod support;`) and the library's unit tests (by path).

use proptest::test_runner::{Config, RngAlgorithm, RngSeed};

/// The seed every property test starts from outside exploration.
pub const FIXED_SEED: u64 = 0x6c6f_6773_6372_7562;

/// A proptest configuration for `cases` cases from the fixed seed, or from the exploration
/// seed and scale when `npm run test:explore` sets them.
pub fn config(cases: u32) -> Config {
    let seed = std::env::var("LOGSCRUB_PROPTEST_SEED")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or(FIXED_SEED);
    let scale = std::env::var("LOGSCRUB_PROPTEST_SCALE")
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|&k| k > 0)
        .unwrap_or(1);
    // Everything that shapes the generated cases is set here, so that `PROPTEST_*`
    // variables in a developer's shell cannot change what the suite runs.
    Config {
        cases: cases.saturating_mul(scale),
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        max_local_rejects: 65_536,
        max_global_rejects: 1024,
        max_flat_map_regens: 1_000_000,
        max_shrink_time: 0,
        max_shrink_iters: u32::MAX,
        max_default_size_range: 100,
        ..Config::default()
    }
}
