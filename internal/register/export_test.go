package register

// MarshalMeta lets benchmarks build large registers without an fsync per
// file.
var MarshalMeta = marshalMeta
