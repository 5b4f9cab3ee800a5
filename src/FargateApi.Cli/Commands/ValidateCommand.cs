using FargateApi.Properties;

namespace FargateApi.Cli.Commands;

/// <summary>
/// <c>fargate-api validate</c>: the same checks the Lambda makes before any AWS call, offline, with one line a
/// problem in the form <c>file: property: problem</c> so CI logs point at the fix.
/// </summary>
internal static class ValidateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors)
    {
        if (arguments.Count == 0 || arguments.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync("usage: fargate-api validate FILE|DIR...  (JSON properties or CloudFormation event files)").ConfigureAwait(false);
            return arguments.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                files.AddRange(Directory.EnumerateFiles(argument, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(argument))
            {
                files.Add(argument);
            }
            else
            {
                await errors.WriteLineAsync($"{argument}: no such file or directory").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        var invalid = 0;
        foreach (var file in files)
        {
            var problems = await ProblemsInAsync(file).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await output.WriteLineAsync($"{file}: {problem.Property}: {problem.Message}").ConfigureAwait(false);
            }

            if (problems.Count == 0)
            {
                await output.WriteLineAsync($"{file}: valid").ConfigureAwait(false);
            }
            else
            {
                invalid++;
            }
        }

        await output.WriteLineAsync($"{files.Count - invalid} valid, {invalid} invalid").ConfigureAwait(false);
        return invalid == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    private static async Task<IReadOnlyList<PropertyProblem>> ProblemsInAsync(string file) =>
        (await PropertiesFile.ReadAsync(file).ConfigureAwait(false)).Problems;
}
