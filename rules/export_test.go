package rules

// BuildForTest exposes the generated constructor to benchmarks.
var BuildForTest = func() { builtinPack().Index() }
