using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FargateApi.Properties;
using Xunit.Abstractions;

namespace FargateApi.Tests.Properties;

/// <summary>Prints how long a read takes (no timed assertion: the figure is for the report, the asserts for correctness).</summary>
public sealed class PropertiesReaderBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void Prints_the_cost_of_reading_the_seed_and_a_megabyte_value()
    {
        using var seed = JsonDocument.Parse(PropertyFixtures.SeedJson);
        using var huge = JsonDocument.Parse(PropertyFixtures.Seed().With("ImageTag", new string('x', 1024 * 1024)).ToJsonString());

        var seedMicroseconds = Measure(seed.RootElement, 2000, expectValid: true);
        var hugeMicroseconds = Measure(huge.RootElement, 50, expectValid: false);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed properties: {seedMicroseconds:F1} µs per read; with a 1 MiB ImageTag: {hugeMicroseconds:F1} µs per read"));
    }

    private static double Measure(JsonElement properties, int reads, bool expectValid)
    {
        Assert.Equal(expectValid, PropertiesReader.Read(properties).IsValid);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < reads; i++)
        {
            _ = PropertiesReader.Read(properties);
        }

        return clock.Elapsed.TotalMicroseconds / reads;
    }
}
