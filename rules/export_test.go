package rules

// BuildForTest exposes the generated constructor to benchmarks.
var BuildForTest = func() { builtinPack().Index() }

// BuildESForTest is BuildForTest for the Spanish pack.
var BuildESForTest = func() { builtinPackES().Index() }
