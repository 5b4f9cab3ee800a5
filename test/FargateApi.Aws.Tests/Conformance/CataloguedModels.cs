using FargateApi.Aws.Services;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>The botocore model folders of every service OperationCatalog calls, so the model-wide checks follow the catalog.</summary>
internal static class CataloguedModels
{
    public static IReadOnlyList<string> Names { get; } =
        [.. OperationCatalog.All.Select(o => o.ServiceModelName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
