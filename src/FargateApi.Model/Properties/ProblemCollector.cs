namespace FargateApi.Properties;

/// <summary>Gathers every problem of one read, in the order found, so that all are reported at once.</summary>
internal sealed class ProblemCollector
{
    private readonly List<PropertyProblem> problems = [];

    public IReadOnlyList<PropertyProblem> Problems => problems;

    public int Count => problems.Count;

    public void Add(string property, string message) => problems.Add(new PropertyProblem(property, message));
}
