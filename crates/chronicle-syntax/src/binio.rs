//! Minimal little-endian binary encoding for the model file.

pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn new() -> Self {
        Writer { buf: Vec::new() }
    }
    pub(crate) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    pub(crate) fn usize(&mut self, v: usize) {
        self.varint(v as u64);
    }
    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub(crate) fn strs(&mut self, items: &[String]) {
        self.usize(items.len());
        for s in items {
            self.str(s);
        }
    }
}

/// Reads what [`Writer`] wrote; every read is bounds-checked.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

pub(crate) type ReadResult<T> = Result<T, String>;

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }
    fn take(&mut self, n: usize) -> ReadResult<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| format!("truncated at byte {}", self.pos))?;
        let out = &self.data[self.pos..end];
        self.pos = end;
        Ok(out)
    }
    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.data.len()
    }
    pub(crate) fn varint(&mut self) -> ReadResult<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(format!("bad varint at byte {}", self.pos))
    }
    /// A length or count, refused when absurdly large for the remaining data.
    pub(crate) fn usize(&mut self) -> ReadResult<usize> {
        let v = self.varint()?;
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= 1 << 32)
            .ok_or_else(|| format!("implausible count {v} at byte {}", self.pos))
    }
    pub(crate) fn f32(&mut self) -> ReadResult<f32> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub(crate) fn str(&mut self) -> ReadResult<String> {
        let n = self.usize()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| format!("bad UTF-8 before byte {}", self.pos))
    }
    pub(crate) fn strs(&mut self) -> ReadResult<Vec<String>> {
        let n = self.usize()?;
        (0..n).map(|_| self.str()).collect()
    }
}
