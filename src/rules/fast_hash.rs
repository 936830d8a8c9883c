//! A fast, non-cryptographic hasher (the FxHash of rustc) for maps keyed by byte offsets,
//! small integers and short names, where std's SipHash (built to resist hash flooding by
//! chosen keys) is a measurable share of the run. Iteration order of these maps must not
//! matter (it never did: SipHash's order is random per run).

use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: multiply-rotate per word.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`] (make one with `FastMap::default()`).
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with [`FxHasher`].
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: FastMap<usize, &str> = FastMap::default();
        for i in 0..1000 {
            m.insert(i * 3, "x");
        }
        assert_eq!(m.len(), 1000);
        assert!(m.contains_key(&2997) && !m.contains_key(&2998));
        let mut s: FastSet<String> = FastSet::default();
        s.insert("中国联通".into());
        assert!(s.contains("中国联通") && !s.contains("中国移动"));
        let h = |s: &str| {
            let mut h = FxHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(h("ab"), h("ba"));
        assert_ne!(h("中国联通"), h("中国移动"));
    }
}
