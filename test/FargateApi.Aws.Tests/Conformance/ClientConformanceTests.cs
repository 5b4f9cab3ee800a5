namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// Every operation our typed clients call, held to the official model: the request as serialized has no violation, and
/// the model-generated, fully populated response parses with every field our records expose filled in.
/// </summary>
public class ClientConformanceTests
{
    public static TheoryData<string> Cases { get; } = [.. SampleRequests.All.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_conforms_to_the_model_and_sample_response_parses_fully(string id)
    {
        var sample = SampleRequests.ById(id);
        var caller = new ModelAnsweringCaller();

        var result = await sample.Call(caller, CancellationToken.None);

        var sent = Assert.Single(caller.Sent);
        Assert.Equal(sample.Model, sent.ModelName);
        Assert.Equal(sample.Operation, sent.Request.Operation);
        var violations = RequestValidator.Validate(ServiceModel.Load(sample.Model), sample.Operation, sent.Request);
        Assert.True(violations.Count == 0, $"{id} sends a request the model rejects:\n  " + string.Join("\n  ", violations));

        if (!ConformanceCase.ReturnsValue(sample.Interface, sample.Method))
        {
            Assert.Null(result);
            return;
        }

        var empty = Population.EmptyPaths(result).Where(path => !sample.MayStayEmpty.Contains(path)).ToArray();
        Assert.True(empty.Length == 0, $"{id} parsed the fully populated sample response but left empty:\n  " + string.Join("\n  ", empty));
    }
}
