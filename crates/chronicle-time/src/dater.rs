//! placeholder
pub struct EventDater;
