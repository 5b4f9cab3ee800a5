using System.Text.Json;
using FargateApi.Properties;

namespace FargateApi.Cli.Commands;

/// <summary>Reads a properties file (the ResourceProperties object, or a whole custom-resource event holding one).</summary>
internal static class PropertiesFile
{
    public static async Task<PropertiesResult> ReadAsync(string file)
    {
        JsonDocument document;
        try
        {
            await using var stream = File.OpenRead(file);
            document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return new PropertiesResult(null, [new PropertyProblem("(file)", $"not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            var properties = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ResourceProperties", out var inner) ? inner : root;
            return PropertiesReader.Read(properties);
        }
    }
}
