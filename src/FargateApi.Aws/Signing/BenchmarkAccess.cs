using System.Runtime.CompilerServices;

// The benchmark console (bench/FargateApi.Benchmarks) measures the internal signer directly. Declared here rather than
// in FargateApi.Aws.csproj so the signing folder owns what it exposes; the lead may move it next to the other entries.
[assembly: InternalsVisibleTo("FargateApi.Benchmarks")]
