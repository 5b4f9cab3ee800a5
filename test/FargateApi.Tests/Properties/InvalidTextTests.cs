using System.Text;
using System.Text.Json;
using FargateApi.Properties;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

/// <summary>
/// JSON can escape a lone UTF-16 surrogate ("\ud800") no .NET string holds, and a document's string bytes need not be
/// UTF-8; JsonElement.GetString and JsonProperty.Name then throw. The reader turns each into a problem of its property.
/// </summary>
public sealed class InvalidTextTests
{
    private const string Invalid = "is not valid text (it holds invalid UTF-8 or an unpaired UTF-16 surrogate)";

    /// <summary>The seed's JSON with one fragment replaced (the replacement written as JSON source, escapes and all).</summary>
    public static TheoryData<string, string, string, string> LoneSurrogates => new()
    {
        { "\"app-api\"", "\"app-\\ud800api\"", "ServiceName", Invalid },
        { "\"platform\"", "\"plat\\udfffform\"", "Tags.Team", Invalid },
        { "\"Team\"", "\"Te\\ud800am\"", "Tags", "a name " + Invalid },
        { "\"ServiceName\"", "\"Service\\udc00Name\"", "ResourceProperties", "a property name " + Invalid },
        { "\"MaxCapacity\"", "\"Max\\ud800Capacity\"", "AutoScaling", "a property name " + Invalid },
        { "\"/api/*\"", "\"/api/\\ud800\"", "PathPatterns[0]", Invalid },
        { "\"Cpu\": \"512\"", "\"Cpu\": \"5\\ud80012\"", "Cpu", "expected a whole number, got a string that " + Invalid },
        { "\"WaitForSteadyState\": \"true\"", "\"WaitForSteadyState\": \"tr\\ud800ue\"", "WaitForSteadyState", "expected true or false, got a string that " + Invalid },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void A_lone_surrogate_is_a_problem_of_its_property(string find, string replace, string property, string fragment)
    {
        var json = SeedJson;
        Assert.Contains(find, json, StringComparison.Ordinal);

        var result = Read(ReplaceFirst(json, find, replace));

        Problem(result, property, fragment);
    }

    [Theory]
    [InlineData("\"app-api\"", "ServiceName")]
    [InlineData("\"platform\"", "Tags.Team")]
    [InlineData("\"Team\"", "Tags")]
    [InlineData("\"ServiceName\"", "ResourceProperties")]
    public void Bytes_that_are_not_utf8_are_a_problem_of_their_property(string find, string property)
    {
        var text = ReplaceFirst(SeedJson, find, "\"x@@y\"");
        var at = text.IndexOf("@@", StringComparison.Ordinal);
        byte[] bytes = [.. Encoding.UTF8.GetBytes(text[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(text[(at + 2)..])];
        using var document = JsonDocument.Parse(bytes);

        var result = PropertiesReader.Read(document.RootElement);

        Problem(result, property, "UTF-8");
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
