using System.Reflection;
using FargateApi.Aws.Http;
using FargateApi.Aws.Services;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// OperationCatalog is the single list of what we call: every client interface method is in it and has a conformance case,
/// every catalogued operation exists in the official model and is exercised, and the service descriptors match the models.
/// </summary>
public class CatalogCoverageTests
{
    private static readonly Type[] ClientInterfaces = typeof(OperationCatalog).Assembly.GetTypes()
        .Where(t => t.IsInterface && t.Namespace?.StartsWith("FargateApi.Aws.Services", StringComparison.Ordinal) == true && t.Name.EndsWith("Client", StringComparison.Ordinal))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    private static IEnumerable<MethodInfo> MethodsOf(Type contract) =>
        contract.GetMethods().Concat(contract.GetInterfaces().SelectMany(i => i.GetMethods())).Where(m => !m.IsSpecialName);

    [Fact]
    public void Every_client_interface_is_found()
    {
        // Ecs, ElasticLoadBalancing, ApplicationAutoScaling, CloudWatchLogs, Ec2, Ssm, Iam, Lambda, Sts.
        Assert.True(ClientInterfaces.Length >= 9, "client interfaces found: " + string.Join(", ", ClientInterfaces.Select(t => t.Name)));
    }

    [Fact]
    public void Every_client_interface_method_has_a_conformance_case()
    {
        var missing = ClientInterfaces
            .SelectMany(contract => MethodsOf(contract).Select(method => (contract, method.Name)))
            .Where(m => !SampleRequests.All.Any(c => c.Interface == m.contract && c.Method == m.Name))
            .Select(m => $"{m.contract.Name}.{m.Name}")
            .ToArray();

        Assert.True(missing.Length == 0, "methods without a sample request in SampleRequests.<Service>.cs:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void Every_client_interface_method_is_a_catalogued_operation_of_its_service()
    {
        var uncatalogued = new List<string>();
        foreach (var contract in ClientInterfaces)
        {
            var models = SampleRequests.All.Where(c => c.Interface == contract).Select(c => c.Model).Distinct().ToArray();
            foreach (var method in MethodsOf(contract))
            {
                // A method is named after its operation, possibly narrowed: InvokeEventAsync is Invoke with InvocationType Event.
                var operation = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name;
                if (!OperationCatalog.All.Any(o => models.Contains(o.ServiceModelName) && operation.StartsWith(o.Operation, StringComparison.Ordinal)))
                {
                    uncatalogued.Add($"{contract.Name}.{method.Name} → {string.Join("/", models)}:{operation}");
                }
            }
        }

        Assert.True(uncatalogued.Count == 0, "interface methods whose operation is not in OperationCatalog:\n  " + string.Join("\n  ", uncatalogued));
    }

    [Fact]
    public void Every_catalogued_operation_exists_in_its_model()
    {
        var unknown = OperationCatalog.All
            .Where(o => !ServiceModel.Load(o.ServiceModelName).HasOperation(o.Operation))
            .Select(o => $"{o.ServiceModelName}:{o.Operation}")
            .ToArray();

        Assert.True(unknown.Length == 0, "catalogued operations the model does not define:\n  " + string.Join("\n  ", unknown));
    }

    [Fact]
    public void Catalog_and_conformance_cases_name_the_same_operations()
    {
        var catalogued = OperationCatalog.All.Select(o => $"{o.ServiceModelName}:{o.Operation}").ToHashSet(StringComparer.Ordinal);
        var exercised = SampleRequests.All.Select(c => $"{c.Model}:{c.Operation}").ToHashSet(StringComparer.Ordinal);

        Assert.True(catalogued.SetEquals(exercised),
            "catalogued but never called: " + string.Join(", ", catalogued.Except(exercised).Order(StringComparer.Ordinal))
            + "\ncalled but not catalogued: " + string.Join(", ", exercised.Except(catalogued).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Catalog_has_no_duplicates()
    {
        var duplicates = OperationCatalog.All.GroupBy(o => $"{o.ServiceModelName}:{o.Operation}").Where(g => g.Count() > 1).Select(g => g.Key).ToArray();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Service_descriptors_match_the_model_metadata()
    {
        var mismatches = new List<string>();
        foreach (var group in OperationCatalog.All.GroupBy(o => o.ServiceModelName))
        {
            var model = ServiceModel.Load(group.Key);
            foreach (var service in group.Select(o => o.Service).Distinct())
            {
                var protocol = service.Protocol switch
                {
                    AwsProtocol.Json => "json",
                    AwsProtocol.Query => "query",
                    AwsProtocol.Ec2 => "ec2",
                    AwsProtocol.RestJson => "rest-json",
                    _ => service.Protocol.ToString(),
                };
                Compare(group.Key, "protocol", model.Protocol, protocol, mismatches);
                Compare(group.Key, "apiVersion", model.ApiVersion, service.ApiVersion, mismatches);
                Compare(group.Key, "targetPrefix", model.TargetPrefix, service.TargetPrefix, mismatches);
                Compare(group.Key, "endpointPrefix", model.Metadata("endpointPrefix"), service.EndpointPrefix, mismatches);
                Compare(group.Key, "signingName", model.Metadata("signingName") ?? model.Metadata("endpointPrefix"), service.SigningName, mismatches);
            }
        }

        Assert.True(mismatches.Count == 0, "AwsServices descriptors differ from the models:\n  " + string.Join("\n  ", mismatches));
    }

    private static void Compare(string model, string field, string? expected, string? actual, List<string> mismatches)
    {
        if (expected != actual)
        {
            mismatches.Add($"{model} {field}: model says '{expected}', descriptor says '{actual}'");
        }
    }
}
